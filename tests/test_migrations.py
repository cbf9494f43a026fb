from io import StringIO

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_no_model_change_lacks_a_migration():
    output = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=output)
