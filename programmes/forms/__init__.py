"""Forms of the programme pages, one module per aggregate.

* ``programme``: the filters of the programme list.
* ``hosting``: the public form for offering to host a study visit, with its periods.

The admin's own forms live with the admin classes in ``programmes.admin``.
"""

from programmes.forms.hosting import (
    BasePeriodFormSet,
    HostingOfferForm,
    HostingPeriodForm,
    PeriodFormSet,
)
from programmes.forms.programme import ProgrammeFilterForm

__all__ = [
    "BasePeriodFormSet",
    "HostingOfferForm",
    "HostingPeriodForm",
    "PeriodFormSet",
    "ProgrammeFilterForm",
]
