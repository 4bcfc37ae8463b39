"""Both sync endpoints are described in the OpenAPI schema, with their bodies (issue 9, 5)."""

from __future__ import annotations

from .sync_helpers import SyncTestCase


class SchemaTests(SyncTestCase):
    def test_it_describes_the_upload_the_download_and_the_reference(self) -> None:
        self.login(self.sari)
        schema = self.client.get("/api/schema/", {"format": "json"}).json()
        sync = schema["paths"]["/api/sync/"]
        upload = sync["post"]["requestBody"]["content"]["application/json"]["schema"]
        self.assertEqual(upload["$ref"], "#/components/schemas/Upload")
        answer = sync["post"]["responses"]["200"]["content"]["application/json"]["schema"]
        self.assertEqual(answer["$ref"], "#/components/schemas/UploadAnswer")
        names = {p["name"] for p in sync["get"]["parameters"]}
        self.assertEqual(names, {"cursor", "limit"})
        self.assertIn("/api/sync/reference/", schema["paths"])
        first = schema["paths"]["/api/sync/snapshot/"]["get"]["responses"]["200"]
        self.assertEqual(
            first["content"]["application/json"]["schema"]["$ref"], "#/components/schemas/Snapshot"
        )
        result = schema["components"]["schemas"]["Result"]["properties"]
        self.assertEqual(
            set(result),
            {
                "op_id",
                "kind",
                "id",
                "outcome",
                "version",
                "change_seq",
                "record",
                "conflict",
                "message",
                "errors",
                "warnings",
                "retry",
            },
        )
