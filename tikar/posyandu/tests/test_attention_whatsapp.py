"""The WhatsApp link: phone 08… → 628…, an Indonesian reminder url-encoded (pure)."""

from unittest import TestCase
from urllib.parse import parse_qs, urlparse

from tikar.posyandu.attention import (
    RUJUK,
    AttentionItem,
    Reason,
    reminder_text,
    sort_items,
    wa_phone,
    whatsapp_link,
)


class WhatsAppTest(TestCase):
    def test_it_turns_local_numbers_into_62(self):
        self.assertEqual(wa_phone("0812-3456-7890"), "6281234567890")
        self.assertEqual(wa_phone("+62 812 3456 7890"), "6281234567890")
        self.assertEqual(wa_phone("81234567890"), "6281234567890")
        self.assertEqual(wa_phone(""), "")
        self.assertEqual(wa_phone("12345"), "")

    def test_it_links_with_or_without_a_phone(self):
        link = whatsapp_link("0812 3456 7890", "Halo Ibu & anak?")
        self.assertTrue(link.startswith("https://wa.me/6281234567890?text="))
        self.assertEqual(parse_qs(urlparse(link).query)["text"], ["Halo Ibu & anak?"])
        self.assertTrue(whatsapp_link("", "x").startswith("https://wa.me/?text="))

    def test_it_writes_a_reminder_for_the_family(self):
        item = AttentionItem(
            "child",
            "1",
            "Ani",
            (Reason("two_t", "2T: ...", RUJUK), Reason("not_weighed", "...", "ingat")),
            posyandu="Posyandu Melati",
            mother="Siti",
            phone="081234567890",
        )
        text = reminder_text(item)
        self.assertIn("untuk Ani", text)
        self.assertIn("belum naik dua kali", text)
        self.assertIn("belum ditimbang", text)
        self.assertIn("Posyandu Melati", text)
        self.assertIn(whatsapp_link("081234567890", text), item.whatsapp)

    def test_it_sorts_rujuk_first_then_posyandu_then_name(self):
        def it(name, pos, level):
            return AttentionItem("child", name, name, (Reason("x", "", level),), posyandu=pos)

        items = [
            it("Budi", "A", "ingat"),
            it("Cici", "B", RUJUK),
            it("Ani", "B", RUJUK),
            it("Dodi", "A", RUJUK),
        ]
        self.assertEqual([i.name for i in sort_items(items)], ["Dodi", "Ani", "Cici", "Budi"])
