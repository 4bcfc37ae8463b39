"""Django REST framework's messages, listed so that our Indonesian catalogue translates them.

DRF ships an almost empty Indonesian catalogue, so a phone sending a wrong type heard
"A valid number is required." in English. `makemessages` extracts these msgids (exactly DRF's,
placeholders included) into `locale/id/LC_MESSAGES/django.po`, and Django's translation
machinery lets the project's catalogue (LOCALE_PATHS) win over DRF's own. Nothing imports the
list at run time; it exists for the extraction. When DRF is upgraded, compare with its
`fields.py`, `relations.py`, `serializers.py`, `exceptions.py`, `pagination.py` and
`validators.py`.
"""

from django.utils.translation import gettext_noop

DRF_MESSAGES = (
    # fields.py
    gettext_noop("This field is required."),
    gettext_noop("This field may not be null."),
    gettext_noop("Must be a valid boolean."),
    gettext_noop("Not a valid string."),
    gettext_noop("This field may not be blank."),
    gettext_noop("Ensure this field has no more than {max_length} characters."),
    gettext_noop("Ensure this field has at least {min_length} characters."),
    gettext_noop("Must be a valid UUID."),
    gettext_noop("A valid integer is required."),
    gettext_noop("Ensure this value is less than or equal to {max_value}."),
    gettext_noop("Ensure this value is greater than or equal to {min_value}."),
    gettext_noop("String value too large."),
    gettext_noop("A valid number is required."),
    gettext_noop("Integer value too large to convert to float"),
    gettext_noop("Ensure that there are no more than {max_digits} digits in total."),
    gettext_noop("Ensure that there are no more than {max_decimal_places} decimal places."),
    gettext_noop(
        "Ensure that there are no more than {max_whole_digits} digits before the decimal point."
    ),
    gettext_noop("Datetime has wrong format. Use one of these formats instead: {format}."),
    gettext_noop("Expected a datetime but got a date."),
    gettext_noop("Datetime value out of range."),
    gettext_noop("Date has wrong format. Use one of these formats instead: {format}."),
    gettext_noop("Expected a date but got a datetime."),
    gettext_noop('"{input}" is not a valid choice.'),
    gettext_noop('Expected a list of items but got type "{input_type}".'),
    gettext_noop("This list may not be empty."),
    gettext_noop('Expected a dictionary of items but got type "{input_type}".'),
    gettext_noop("Value must be valid JSON."),
    # relations.py
    gettext_noop('Invalid pk "{pk_value}" - object does not exist.'),
    gettext_noop("Incorrect type. Expected pk value, received {data_type}."),
    # serializers.py
    gettext_noop("Invalid data. Expected a dictionary, but got {datatype}."),
    # exceptions.py
    gettext_noop("A server error occurred."),
    gettext_noop("Invalid input."),
    gettext_noop("Malformed request."),
    gettext_noop("Incorrect authentication credentials."),
    gettext_noop("Authentication credentials were not provided."),
    gettext_noop("You do not have permission to perform this action."),
    gettext_noop("Not found."),
    gettext_noop('Method "{method}" not allowed.'),
    gettext_noop("Could not satisfy the request Accept header."),
    gettext_noop('Unsupported media type "{media_type}" in request.'),
    gettext_noop("Request was throttled."),
    # pagination.py
    gettext_noop("Invalid page."),
    gettext_noop("Invalid cursor"),
    # validators.py
    gettext_noop("This field must be unique."),
    gettext_noop("The fields {field_names} must make a unique set."),
    gettext_noop("Surrogate characters are not allowed: U+{code_point:X}."),
    # Django's model fields (django/db/models/fields): its Indonesian catalogue says "Field
    # ini", half English, and a refused sync operation shows these to the KPM.
    gettext_noop("This field cannot be null."),
    gettext_noop("This field cannot be blank."),
)
