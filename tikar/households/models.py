"""The register of 1,000-HPK targets: households, mothers, pregnancies, children.

Every row is built for offline sync (offline.md), through the abstract `SyncedModel`:

- `id` is a UUID the phone may make offline; the server accepts it as the primary key.
- `village` is denormalised on every row so that scoping is one filter (`scoped(qs, user)`)
  and a device's download is one index range.
- `version` is bumped on every save; `change_seq` comes from one server-side counter on every
  save, so "changes since my cursor" never depends on a phone's clock.
- `deleted_at` is a soft delete: the row stays as a tombstone with a fresh change_seq, so the
  deletion reaches the phones.

The change counter is one `ChangeCounter` row incremented with `F("value") + 1` inside the
saving transaction, on SQLite and PostgreSQL alike. The row lock it takes is held to the end of
the transaction, so change_seq values are handed out in commit order: a device whose cursor is
at N can never later miss a change numbered below N that committed after it read. A PostgreSQL
SEQUENCE would not guarantee that (nextval is not transactional: 11 may commit before 10). The
price is that writers are serialised on that row for the few milliseconds after the counter
update; see `next_change_seq`.

`QuerySet.update()` and `bulk_create` bypass `save()` and therefore version, change_seq and
history: data code must save rows one by one (or bump both itself).
"""

from __future__ import annotations

from uuid import uuid4

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connections, models, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tikar.regions.models import Level, Posyandu, Region

CHANGE_COUNTER = "changes"
# history_change_reason of the audit rows a delete and an undo leave (read by the target page).
DELETED_REASON, RESTORED_REASON = "deleted", "restored"


class ChangeCounter(models.Model):
    """The server-side change sequence (one row, `name="changes"`)."""

    name = models.CharField(max_length=40, primary_key=True)
    value = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.name}={self.value}"


def next_change_seq(using: str = "default") -> int:
    """The next change number; call inside the transaction that saves the row.

    The UPDATE locks the counter row until the surrounding transaction ends (PostgreSQL row
    lock; on SQLite the whole database is already write-locked by the IMMEDIATE transaction),
    so numbers follow commit order. The row is created on first use, which also covers a test
    database flushed by a TransactionTestCase.
    """
    connection = connections[using]
    if connection.features.can_return_columns_from_insert:
        # PostgreSQL and SQLite >= 3.35 (the version that brought INSERT ... RETURNING also
        # brought UPDATE ... RETURNING): the increment and the read are one statement instead of
        # two, on every save of every synced row.
        qn = connection.ops.quote_name
        table, value, name = qn(ChangeCounter._meta.db_table), qn("value"), qn("name")
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {table} SET {value} = {value} + 1 WHERE {name} = %s RETURNING {value}",
                [CHANGE_COUNTER],
            )
            row = cursor.fetchone()
        if row is not None:
            return row[0]
    counters = ChangeCounter.objects.using(using).filter(name=CHANGE_COUNTER)
    if not counters.update(value=F("value") + 1):
        try:
            with transaction.atomic(using=using):  # a savepoint: a lost race must not abort us
                ChangeCounter.objects.using(using).create(name=CHANGE_COUNTER, value=1)
        except IntegrityError:
            counters.update(value=F("value") + 1)
    return counters.values_list("value", flat=True).get()


def reserve_change_seqs(count: int, using: str = "default") -> range:
    """`count` consecutive change numbers in one statement, for rows written in bulk.

    The same counter and the same row lock as `next_change_seq` (held to the end of the
    caller's transaction, so the numbers still follow commit order); the caller gives them to
    its rows in the order the row-by-row saves would have used. Returns an empty range for 0.
    """
    if count <= 0:
        return range(0)
    connection = connections[using]
    if connection.features.can_return_columns_from_insert:
        qn = connection.ops.quote_name
        table, value, name = qn(ChangeCounter._meta.db_table), qn("value"), qn("name")
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {table} SET {value} = {value} + %s WHERE {name} = %s RETURNING {value}",
                [count, CHANGE_COUNTER],
            )
            row = cursor.fetchone()
        if row is not None:
            return range(row[0] - count + 1, row[0] + 1)
    counters = ChangeCounter.objects.using(using).filter(name=CHANGE_COUNTER)
    if not counters.update(value=F("value") + count):
        try:
            with transaction.atomic(using=using):  # a savepoint: a lost race must not abort us
                ChangeCounter.objects.using(using).create(name=CHANGE_COUNTER, value=count)
        except IntegrityError:
            counters.update(value=F("value") + count)
    last = counters.values_list("value", flat=True).get()
    return range(last - count + 1, last + 1)


def lock_for_update(qs: models.QuerySet) -> models.QuerySet:
    """`qs` with its rows locked until the transaction ends, for a read-then-save.

    On PostgreSQL the lock is FOR NO KEY UPDATE, which is what the UPDATE itself takes: a
    plain FOR UPDATE also blocks the KEY SHARE lock that inserting a child row's foreign key
    takes on its parent, and a monthly record saved for a child while the child is edited
    deadlocked on the change counter (bench/sync_chaos.py found it). SQLite serialises writers
    and has no row locks: the queryset is returned as it is.
    """
    features = connections[qs.db].features
    if not features.has_select_for_update:
        return qs
    return qs.select_for_update(no_key=features.has_select_for_no_key_update)


class DeleteRefused(ValidationError):
    """A soft delete the user may not do (e.g. a KPM deleting a verified target)."""


class SyncedQuerySet(models.QuerySet):
    def alive(self) -> SyncedQuerySet:
        """Rows that are not tombstones."""
        return self.filter(deleted_at__isnull=True)

    def changed_since(self, seq: int) -> SyncedQuerySet:
        """Every change after a device's cursor, tombstones included, in sequence order."""
        return self.filter(change_seq__gt=seq).order_by("change_seq")


def sync_index(name: str) -> models.Index:
    # Serves the device download "changes of my desa since cursor N" (offline.md 6):
    # WHERE village_id = %s AND change_seq > %s ORDER BY change_seq.
    return models.Index(fields=["village", "change_seq"], name=name)


class SyncedModel(models.Model):
    """Columns every synced row has; see the module docstring."""

    id = models.UUIDField(primary_key=True, default=uuid4, editable=False)
    village = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"level": Level.VILLAGE},
        verbose_name=_("village"),
    )
    version = models.PositiveIntegerField(default=0, editable=False)
    change_seq = models.BigIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    deleted_at = models.DateTimeField(null=True, blank=True)

    objects = SyncedQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, savepoint: bool = True, **kwargs) -> None:
        """Save with a new version and change_seq.

        `savepoint=False` is for a caller that already saves inside its own atomic block and
        undoes that whole block on any error (`monitoring.services.record_month`): the
        savepoint of this method would be a second one for the same work.
        """
        using = kwargs.get("using") or "default"
        derived = self.derive_village()
        if derived:
            self.village_id = derived
        with transaction.atomic(using=using, savepoint=savepoint):
            # The in-memory version is trusted: writers that must not lose a concurrent edit
            # (the monthly records) lock the row first (monitoring.services).
            self.version = (self.version or 0) + 1
            self.change_seq = next_change_seq(using)
            update_fields = kwargs.get("update_fields")
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "version", "change_seq", "updated_at"}
            super().save(*args, **kwargs)

    def derive_village(self) -> str | None:
        """The village to copy from the parent row; subclasses with a parent override it."""
        return None

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    def _lock_and_reload(self) -> None:
        """Lock this row and read its tombstone and version as stored (inside an atomic block).

        Two taps or two devices deleting (or restoring) at once each hold a stale copy: the
        lock makes the second wait and then see the first's result, so it changes nothing
        (no second version, no second history row).
        """
        qs = lock_for_update(type(self).objects.filter(pk=self.pk))
        stored = qs.values("deleted_at", "version").first()
        if stored is not None:
            self.deleted_at, self.version = stored["deleted_at"], stored["version"]

    def soft_delete(self, user) -> bool:
        """Leave a tombstone (a higher change_seq) instead of removing the row.

        Returns False when the row was already deleted (a replay), True when this call did it.
        The history row carries the reason "deleted" so the page can say "dihapus".
        """
        with transaction.atomic():
            self._lock_and_reload()
            if self.deleted_at is not None:
                return False
            self.deleted_at = timezone.now()
            self._history_user = user
            self._change_reason = DELETED_REASON
            self.save()
        return True

    def restore(self, user) -> bool:
        """Clear the tombstone with a new version and change_seq; False if already restored."""
        with transaction.atomic():
            self._lock_and_reload()
            if self.deleted_at is None:
                return False
            self.deleted_at = None
            self._history_user = user
            self._change_reason = RESTORED_REASON
            self.save()
        return True


class Target(SyncedModel):
    """A sasaran 1.000 HPK (household, pregnancy, child; later remaja putri, calon pengantin).

    New target groups subclass this and get the register columns, verification and sync for
    free; `KIND` names the group in conflicts and task lists.
    """

    KIND = ""

    posyandu = models.ForeignKey(
        Posyandu, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    verified_at = models.DateTimeField(null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # Left the register: moved away, died, pregnancy ended without a child to follow.
    closed_at = models.DateField(null=True, blank=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        # Read by the history signal: changes are allowed after verification, but marked.
        self._changed_after_verification = getattr(self, "_verified_on_load", False)
        super().save(*args, **kwargs)
        self._verified_on_load = self.verified_at is not None

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # Remembered so that a later save knows it changes an already verified target.
        instance._verified_on_load = instance.__dict__.get("verified_at") is not None
        return instance

    def verify(self, user) -> None:
        self.verified_at = timezone.now()
        self.verified_by = user
        self._history_user = user
        self.save()

    def soft_delete(self, user) -> bool:
        from tikar.accounts.models import Role

        if self.verified_at is not None and getattr(user, "role", None) == Role.KPM:
            raise DeleteRefused(
                "Sasaran ini sudah diverifikasi Admin Desa, jadi KPM tidak dapat menghapusnya. "
                "Minta Admin Desa menghapus atau menutupnya.",
                code="delete_after_verification",
            )
        return super().soft_delete(user)


class AuditedAfterVerification(models.Model):
    """Extra column of a target's history rows (django-simple-history `bases`)."""

    changed_after_verification = models.BooleanField(default=False)

    class Meta:
        abstract = True


def _target_history() -> HistoricalRecords:
    return HistoricalRecords(bases=[AuditedAfterVerification])


# --------------------------------------------------------------------------------------------


class Household(Target):
    """Rumah tangga 1.000 HPK."""

    KIND = "household"

    dusun = models.CharField(max_length=100, blank=True)
    rt = models.CharField(max_length=10, blank=True)
    rw = models.CharField(max_length=10, blank=True)
    address = models.CharField(max_length=255, blank=True)
    head_name = models.CharField(max_length=150)
    safe_water = models.BooleanField(null=True, blank=True)  # None: not asked
    latrine = models.BooleanField(null=True, blank=True)  # None: not asked
    vulnerable = models.BooleanField(null=True, blank=True)  # rentan; None: not asked
    history = _target_history()

    class Meta:
        verbose_name = _("household")
        verbose_name_plural = _("households")
        indexes = [
            sync_index("household_sync"),
            # Serves the register list of a desa by dusun / RT / RW.
            models.Index(fields=["village", "dusun", "rt", "rw"], name="household_address"),
        ]

    def __str__(self) -> str:
        return self.head_name


class Mother(SyncedModel):
    """A woman of the register (ibu): the person, whose pregnancies are the targets."""

    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="mothers")
    name = models.CharField(max_length=150)
    # NULL, not "", for "no NIK": a later unique index on NIK must ignore the missing ones.
    nik = models.CharField(max_length=16, null=True, blank=True)  # noqa: DJ001
    birth_date = models.DateField(null=True, blank=True)
    phone = models.CharField(max_length=20, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("mother")
        verbose_name_plural = _("mothers")
        indexes = [
            sync_index("mother_sync"),
            # Serves the duplicate check and the search by NIK, exact or by its first digits
            # (nik LIKE '1210075%'), across desa since people move.
            models.Index(fields=["nik"], name="mother_nik", opclasses=["varchar_pattern_ops"]),
        ]

    def __str__(self) -> str:
        return self.name

    def derive_village(self) -> str | None:
        return self.household.village_id if self.household_id else None

    def clean(self) -> None:
        from tikar.households.validation import (
            implausible_dates,
            nik_problems,
            raise_errors,
            refuse_future,
        )

        raise_errors(
            (
                refuse_future(birth_date=self.birth_date)
                or implausible_dates(self, mother_birth_date=self.birth_date)
            )
            + nik_problems(self.nik, sex="P", birth_date=self.birth_date, errors_only=True)
        )

    def warnings(self):
        from tikar.households.validation import nik_problems

        return nik_problems(self.nik, sex="P", birth_date=self.birth_date, warnings_only=True)


class RiskStatus(models.TextChoices):
    NORMAL = "normal", "Normal"
    RISTI = "risti", "Risti"
    KEK = "kek", "KEK"


class Pregnancy(Target):
    """Ibu hamil (then ibu bersalin/nifas for 42 days after delivery)."""

    KIND = "pregnancy"

    mother = models.ForeignKey(Mother, on_delete=models.PROTECT, related_name="pregnancies")
    kia_number = models.CharField(max_length=30, blank=True)  # No Register KIA
    due_date = models.DateField(null=True, blank=True)  # HPL
    gestation_month = models.PositiveSmallIntegerField(null=True, blank=True)  # at registration
    risk_status = models.CharField(
        max_length=6, choices=RiskStatus.choices, default=RiskStatus.NORMAL
    )
    delivery_date = models.DateField(null=True, blank=True)
    health_insurance = models.BooleanField(null=True, blank=True)  # None: not asked
    history = _target_history()

    class Meta:
        verbose_name = _("pregnancy")
        verbose_name_plural = _("pregnancies")
        constraints = [
            # No Register KIA is unique per desa among the live register (forms.md); a deleted
            # row keeps its number without blocking a corrected re-entry.
            models.UniqueConstraint(
                fields=["village", "kia_number"],
                condition=Q(deleted_at__isnull=True) & ~Q(kia_number=""),
                name="pregnancy_unique_kia",
            ),
            models.CheckConstraint(
                condition=Q(gestation_month__isnull=True) | Q(gestation_month__range=(1, 9)),
                name="pregnancy_gestation_1_9",
            ),
        ]
        indexes = [
            sync_index("pregnancy_sync"),
            # Serves "Tugas bulan ini": the open pregnancies of a desa (closed_at IS NULL).
            models.Index(fields=["village", "closed_at"], name="pregnancy_open"),
        ]

    def __str__(self) -> str:
        return f"{self.mother} ({self.kia_number or 'tanpa No KIA'})"

    def derive_village(self) -> str | None:
        return self.mother.village_id if self.mother_id else None

    def clean(self) -> None:
        from tikar.households.rules import check_birth_matches_delivery, check_gestation_month
        from tikar.households.validation import implausible_dates, raise_errors, refuse_future

        problems = (
            refuse_future(delivery_date=self.delivery_date)
            or implausible_dates(self, delivery_date=self.delivery_date)
        ) + implausible_dates(self, due_date=self.due_date)
        if self.delivery_date is not None and not self._state.adding:
            # The children already registered from this pregnancy were born on its delivery.
            births = self.children.filter(deleted_at__isnull=True).values_list("birth_date")
            for (birth,) in births.order_by("birth_date")[:1]:
                problems += check_birth_matches_delivery(birth, self.delivery_date, "delivery_date")
        raise_errors(problems + check_gestation_month(self.gestation_month))


class Sex(models.TextChoices):
    MALE = "L", "Laki-laki"
    FEMALE = "P", "Perempuan"


class Child(Target):
    """Anak: followed on Formulir 2b from 0 to <24 months, then 2c (PAUD) to <6 years."""

    KIND = "child"

    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="children")
    mother = models.ForeignKey(
        Mother, null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    born_from = models.ForeignKey(
        Pregnancy, null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    name = models.CharField(max_length=150)
    sex = models.CharField(max_length=1, choices=Sex.choices)
    birth_date = models.DateField()
    # NULL, not "", for "no NIK": a later unique index on NIK must ignore the missing ones.
    nik = models.CharField(max_length=16, null=True, blank=True)  # noqa: DJ001
    # Mother's NIK + one digit, until the real NIK is issued; never exported as a NIK.
    temp_number = models.CharField(max_length=17, blank=True)
    kia_number = models.CharField(max_length=30, blank=True)
    birth_certificate = models.BooleanField(null=True, blank=True)  # None: not asked
    health_insurance = models.BooleanField(null=True, blank=True)  # None: not asked
    history = _target_history()

    class Meta:
        verbose_name = _("child")
        verbose_name_plural = _("children")
        indexes = [
            sync_index("child_sync"),
            # Serves "Tugas bulan ini" and the cohort lists: children of a desa born in a range
            # (2b = born in the last 24 months, 2c = 24-72 months).
            models.Index(fields=["village", "birth_date"], name="child_birth"),
            # Serves the duplicate check and the search by NIK, exact or by its first digits.
            models.Index(fields=["nik"], name="child_nik", opclasses=["varchar_pattern_ops"]),
            # Serves "newborns registered under this mother's NIK" (temp_number LIKE '<nik>%').
            models.Index(
                fields=["temp_number"], name="child_temp_number", opclasses=["varchar_pattern_ops"]
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        """Save; a changed birth date or sex re-scores the visits in the same transaction.

        The layers above follow through `signals.child_correction_check` and
        `signals.child_corrected` (tikar.monitoring.corrections re-scores the visits,
        tikar.scorecard.corrections marks the quarters dirty): every path that saves a child
        (pages, API, import) gets the z-scores, status gizi and dirty quarters that follow.
        The validated quarters whose figures stay as validated are left in
        `self.locked_quarters_kept` ([(year, quarter)]) for the screen to name.
        """
        from tikar.households.signals import child_corrected
        from tikar.households.validation import raise_errors

        before = getattr(self, "_scored_from", None)
        changed = before is not None and before != (self.birth_date, self.sex)
        self.locked_quarters_kept: list[tuple[int, int]] = []
        using = kwargs.get("using") or "default"
        with transaction.atomic(using=using, savepoint=kwargs.get("savepoint", True)):
            if changed and self.deleted_at is None:
                # Also for a caller that skipped clean(): a visit before the birth would
                # otherwise reach the database's CHECK on the age as an IntegrityError.
                raise_errors(self.correction_problems())
            super().save(*args, **kwargs)
            if changed and self.deleted_at is None:
                kept: set[tuple[int, int]] = set()
                for _receiver, quarters in child_corrected.send(
                    sender=Child, child=self, old_birth=before[0], old_sex=before[1]
                ):
                    kept |= set(quarters or ())
                self.locked_quarters_kept = sorted(kept)
        self._scored_from = (self.birth_date, self.sex)

    def correction_problems(self) -> list:
        """Errors the layers above find in a stored child's changed birth date (monthly
        records before the birth): the answers to `signals.child_correction_check`."""
        from tikar.households.signals import child_correction_check

        return [
            problem
            for _receiver, problems in child_correction_check.send(sender=Child, child=self)
            for problem in problems or ()
        ]

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # What the stored visits were scored from: a save that changes it re-scores them.
        instance._scored_from = (
            instance.__dict__.get("birth_date"),
            instance.__dict__.get("sex"),
        )
        return instance

    def derive_village(self) -> str | None:
        return self.household.village_id if self.household_id else None

    def clean(self) -> None:
        from tikar.households.nik import check_temp_number
        from tikar.households.rules import check_birth_matches_delivery
        from tikar.households.validation import (
            implausible_dates,
            nik_problems,
            raise_errors,
            refuse_future,
        )

        mother_nik = self.mother.nik if self.mother_id else None
        delivery = self.born_from.delivery_date if self.born_from_id else None
        raise_errors(
            (
                refuse_future(birth_date=self.birth_date)
                or implausible_dates(self, child_birth_date=self.birth_date)
                or check_birth_matches_delivery(self.birth_date, delivery)
            )
            + nik_problems(self.nik, sex=self.sex, birth_date=self.birth_date, errors_only=True)
            + check_temp_number(self.temp_number, mother_nik=mother_nik)
            + self.correction_problems()
        )

    def warnings(self):
        from tikar.households.validation import nik_problems

        return nik_problems(self.nik, sex=self.sex, birth_date=self.birth_date, warnings_only=True)

    @property
    def export_nik(self) -> str:
        """The NIK for exports: the real one or nothing, never the temporary number."""
        return self.nik or ""
