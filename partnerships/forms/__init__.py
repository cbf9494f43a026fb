"""Forms of the partnership database, one module per aggregate; import them from here."""

from partnerships.forms.interest import InterestRegistrationForm
from partnerships.forms.partnership import PartnershipFilterForm
from partnerships.forms.seeker import SeekerFilterForm

__all__ = ["InterestRegistrationForm", "PartnershipFilterForm", "SeekerFilterForm"]
