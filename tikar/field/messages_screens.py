"""The field app screens' words (helper D2): key → English msgid, translated when the shell
is rendered. `tikar/field/messages.py` merges this dict into the JSON data block the screens
read with `t(key)` (`static/field/screens/ui.js`). The keys are the msgids themselves, so a
screen's source reads as English and most labels share the online forms' translations.

Regenerate the list after changing the screens: every `t("...")` and every label handed to
`t()` through a table in `static/field/screens/*.js` must be a key here.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

MESSAGES = {
    "Back": _("Back"),
    "Downloading the data of your desa…": _("Downloading the data of your desa…"),
    "No targets to monitor this month. Register the pregnant women and children under two of "
    "your desa first.": _(
        "No targets to monitor this month. Register the pregnant women and children under two "
        "of your desa first."
    ),
    "(not yet known)": _("(not yet known)"),
    "1. Antenatal check": _("1. Antenatal check"),
    "1. Immunisation up to date for age": _("1. Immunisation up to date for age"),
    "10. Parenting class (BKB)": _("10. Parenting class (BKB)"),
    "16 digits from the KTP or KK. Leave empty if not known.": _(
        "16 digits from the KTP or KK. Leave empty if not known."
    ),
    "16 digits. A newborn without a NIK: fill the temporary number.": _(
        "16 digits. A newborn without a NIK: fill the temporary number."
    ),
    "2. Received and took iron tablets (Fe)": _("2. Received and took iron tablets (Fe)"),
    "3. Postnatal checks this month": _("3. Postnatal checks this month"),
    "4. Nutrition counselling or pregnancy class": _("4. Nutrition counselling or pregnancy class"),
    "4. Nutrition counselling: mother": _("4. Nutrition counselling: mother"),
    "5. Home visit": _("5. Home visit"),
    "6. Safe drinking water": _("6. Safe drinking water"),
    "7. Proper latrine": _("7. Proper latrine"),
    "8. Birth certificate": _("8. Birth certificate"),
    "8. Health insurance": _("8. Health insurance"),
    "9. Health insurance": _("9. Health insurance"),
    "A child": _("A child"),
    "A pregnant woman": _("A pregnant woman"),
    "All dusun": _("All dusun"),
    "All forms": _("All forms"),
    "All posyandu": _("All posyandu"),
    "Already registered from this pregnancy:": _("Already registered from this pregnancy:"),
    "Apply": _("Apply"),
    "Basic immunisation complete": _("Basic immunisation complete"),
    "Birth certificate (akta lahir)": _("Birth certificate (akta lahir)"),
    "Birth date": _("Birth date"),
    "Check the warnings above, then tick this box if the numbers are right.": _(
        "Check the warnings above, then tick this box if the numbers are right."
    ),
    "Child": _("Child"),
    "Child 0-23 months (2b)": _("Child 0-23 months (2b)"),
    "Child of %(mother)s, linked to her pregnancy.": _(
        "Child of %(mother)s, linked to her pregnancy."
    ),
    "Child's NIK": _("Child's NIK"),
    "Child's name": _("Child's name"),
    "Choose a pregnant woman or a child.": _("Choose a pregnant woman or a child."),
    "Choose the PAUD status of this month.": _("Choose the PAUD status of this month."),
    "Choose the child's sex.": _("Choose the child's sex."),
    "Clear the filter": _("Clear the filter"),
    "Delivery date": _("Delivery date"),
    "Dusun": _("Dusun"),
    "Dusun %(dusun)s": _("Dusun %(dusun)s"),
    "Everything on this phone has been sent.": _("Everything on this phone has been sent."),
    "Expected delivery date (HPL)": _("Expected delivery date (HPL)"),
    "Fill the delivery date.": _("Fill the delivery date."),
    "Fill the visit date to see the z-scores: the age is counted from it.": _(
        "Fill the visit date to see the z-scores: the age is counted from it."
    ),
    "Fix it: change the answers below and save again.": _(
        "Fix it: change the answers below and save again."
    ),
    "Form": _("Form"),
    "Gestational month": _("Gestational month"),
    "Growth mat (tikar pertumbuhan)": _("Growth mat (tikar pertumbuhan)"),
    "Head circumference (cm)": _("Head circumference (cm)"),
    "Head of household": _("Head of household"),
    "Health insurance (JKN/BPJS/KIS)": _("Health insurance (JKN/BPJS/KIS)"),
    "Household": _("Household"),
    "I checked the warnings: save anyway.": _("I checked the warnings: save anyway."),
    "I measured again: the numbers are right.": _("I measured again: the numbers are right."),
    "KIA register number": _("KIA register number"),
    "Kept on this phone; sent when there is signal.": _(
        "Kept on this phone; sent when there is signal."
    ),
    "Leave empty after delivery.": _("Leave empty after delivery."),
    "Length/height (cm)": _("Length/height (cm)"),
    "Lying": _("Lying"),
    "Matching targets: %(n)s": _("Matching targets: %(n)s"),
    "Measles/MR immunisation": _("Measles/MR immunisation"),
    "Measured": _("Measured"),
    "Month": _("Month"),
    "Mother": _("Mother"),
    "Mother's NIK": _("Mother's NIK"),
    "Mother's birth date": _("Mother's birth date"),
    "Mother's name": _("Mother's name"),
    "Name, NIK or KIA number": _("Name, NIK or KIA number"),
    "New household": _("New household"),
    "No": _("No"),
    "No nutrition problem found": _("No nutrition problem found"),
    "No posyandu or dusun yet": _("No posyandu or dusun yet"),
    "No target matches this search. Check the spelling, or clear the filter.": _(
        "No target matches this search. Check the spelling, or clear the filter."
    ),
    "Not filled in": _("Not filled in"),
    "Not found on this phone.": _("Not found on this phone."),
    "Not sent and to check": _("Not sent and to check"),
    "Number of iron tablets": _("Number of iron tablets"),
    "Nutrition counselling: father": _("Nutrition counselling: father"),
    "Nutrition status": _("Nutrition status"),
    "Oedema on both feet": _("Oedema on both feet"),
    "Only not yet recorded": _("Only not yet recorded"),
    "Only once she has given birth.": _("Only once she has given birth."),
    "Open and change": _("Open and change"),
    "PAUD (2c)": _("PAUD (2c)"),
    "PAUD this month": _("PAUD this month"),
    "Phone": _("Phone"),
    "Posyandu": _("Posyandu"),
    "Posyandu, dusun, form": _("Posyandu, dusun, form"),
    "Pregnancy": _("Pregnancy"),
    "Pregnancy (2a)": _("Pregnancy (2a)"),
    "Pregnant woman": _("Pregnant woman"),
    "Proper latrine": _("Proper latrine"),
    "RT": _("RT"),
    "RW": _("RW"),
    "Record the delivery": _("Record the delivery"),
    "Register": _("Register"),
    "Register a household": _("Register a household"),
    "Register the newborn": _("Register the newborn"),
    "Risk status": _("Risk status"),
    "Safe drinking water": _("Safe drinking water"),
    "Save": _("Save"),
    "Saved on this phone, not yet sent.": _("Saved on this phone, not yet sent."),
    "Saving again changes this month's record.": _("Saving again changes this month's record."),
    "Search": _("Search"),
    "See what is not sent yet": _("See what is not sent yet"),
    "Services this month": _("Services this month"),
    "Sex": _("Sex"),
    "Some answers need fixing: see the red messages below. Nothing you typed is lost.": _(
        "Some answers need fixing: see the red messages below. Nothing you typed is lost."
    ),
    "Something went wrong on this screen.": _("Something went wrong on this screen."),
    "Standing": _("Standing"),
    "Tasks": _("Tasks"),
    "Temporary number": _("Temporary number"),
    "The delivery is recorded.": _("The delivery is recorded."),
    "The mother's NIK followed by one digit (1 for the first baby).": _(
        "The mother's NIK followed by one digit (1 for the first baby)."
    ),
    "The z-scores appear once the WHO tables are loaded.": _(
        "The z-scores appear once the WHO tables are loaded."
    ),
    "Fill the birth date.": _("Fill the birth date."),
    "Upper arm circumference (LiLA, cm)": _("Upper arm circumference (LiLA, cm)"),
    "Visit date": _("Visit date"),
    "Vulnerable household (rentan)": _("Vulnerable household (rentan)"),
    "Weighing and measuring": _("Weighing and measuring"),
    "Weight (kg)": _("Weight (kg)"),
    "Who do you register?": _("Who do you register?"),
    "Write the child's name.": _("Write the child's name."),
    "Write the mother's name.": _("Write the mother's name."),
    "Write the name of the head of household.": _("Write the name of the head of household."),
    "Yes": _("Yes"),
    "age %(m)s months (%(d)s days)": _("age %(m)s months (%(d)s days)"),
    "needs weight and length": _("needs weight and length"),
    "not yet recorded": _("not yet recorded"),
    "recorded": _("recorded"),
    "targets": _("targets"),
    "to record": _("to record"),
}

# Issue 10: the posyandu's weighing on the entry screen, KEK, "Perlu perhatian".
MESSAGES |= {
    "Weighing of a child 24-59 months": _("Weighing of a child 24-59 months"),
    "Last month: %(value)s": _("Last month: %(value)s"),
    "Last month: not measured": _("Last month: not measured"),
    "Weight gain": _("Weight gain"),
    "2T: not gained twice in a row, refer": _("2T: not gained twice in a row, refer"),
    "BGM: below the red line": _("BGM: below the red line"),
    "Follows its growth line? Reason (optional)": _("Follows its growth line? Reason (optional)"),
    "Only when the health worker judges that the curve follows its growth line: the T then "
    "counts as N. Kept in the history.": _(
        "Only when the health worker judges that the curve follows its growth line: the T then "
        "counts as N. Kept in the history."
    ),
    "Only the weighing and measuring: the services of Formulir 2b are for children 0-23 months.": _(
        "Only the weighing and measuring: the services of Formulir 2b are for children 0-23 months."
    ),
    "Weighing at the posyandu this month": _("Weighing at the posyandu this month"),
    "LiLA under %(cm)s cm: chronic energy deficiency (KEK).": _(
        "LiLA under %(cm)s cm: chronic energy deficiency (KEK)."
    ),
    "Risk status: KEK.": _("Risk status: KEK."),
    "Set the risk status to KEK": _("Set the risk status to KEK"),
}

MESSAGES |= {
    "Needs attention": _("Needs attention"),
    "Refer": _("Refer"),
    "Remind": _("Remind"),
    "Open": _("Open"),
    "WhatsApp reminder": _("WhatsApp reminder"),
    "Still needed this quarter": _("Still needed this quarter"),
    "What each target still needs this quarter": _("What each target still needs this quarter"),
    "according to the last sync %(time)s": _("according to the last sync %(time)s"),
    "Convergence now %(now)s, %(then)s if all of it is done.": _(
        "Convergence now %(now)s, %(then)s if all of it is done."
    ),
    "points": _("points"),
    "Nothing is missing this quarter.": _("Nothing is missing this quarter."),
    "Sync once with signal to see it.": _("Sync once with signal to see it."),
    "Worked out on this phone from the data on it, also without signal: %(n)s to refer.": _(
        "Worked out on this phone from the data on it, also without signal: %(n)s to refer."
    ),
    "The WhatsApp link opens WhatsApp with the reminder written; without signal it is sent "
    "when the phone has signal again.": _(
        "The WhatsApp link opens WhatsApp with the reminder written; without signal it is sent "
        "when the phone has signal again."
    ),
    "No target needs attention now.": _("No target needs attention now."),
}
