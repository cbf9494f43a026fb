# ruff: noqa: E501 - rows of bilingual demo text read better unbroken
"""Demo content for issue 4: application rounds, partner seekers and interest registrations.

Rounds follow the programme's two windows a year (15 February – 15 March, 15 September –
15 October). Seekers are plausible local governments in current partner countries; two did
not agree to be listed publicly. Registrations are saved directly (no emails are queued).
Idempotent: rows are matched on stable keys and only changed fields are saved.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from zoneinfo import ZoneInfo

from demo.helpers import set_related, upsert
from partnerships import services as partnership_services
from partnerships.models import ApplicationRound, InterestRegistration, Match, PartnerSeeker
from reference.models import Country, Organisation, Theme

L = Organisation.Kind.LOCAL_GOVERNMENT
R = Organisation.Kind.REGIONAL_GOVERNMENT
STOCKHOLM = ZoneInfo("Europe/Stockholm")
DEMO_NAMESPACE = uuid.UUID("6f1c1d7e-3b0a-4a57-9a52-0d6f1c1d7e3b")

ROUNDS = [
    ("Hösten 2023", "Autumn 2023", date(2023, 9, 15), date(2023, 10, 15)),
    ("Våren 2026", "Spring 2026", date(2026, 2, 15), date(2026, 3, 15)),
    ("Hösten 2026", "Autumn 2026", date(2026, 9, 15), date(2026, 10, 15)),
    ("Våren 2027", "Spring 2027", date(2027, 2, 15), date(2027, 3, 15)),
    ("Hösten 2027", "Autumn 2027", date(2027, 9, 15), date(2027, 10, 15)),
]

# slug, kind, country, short name, Swedish name, English name
SEEKER_ORGANISATIONS = [
    ("kisumu", R, "KE", "Kisumu", "Kisumu county", "Kisumu County Government"),
    ("mbale", L, "UG", "Mbale", "Mbale stad", "Mbale City Council"),
    ("kitwe", L, "ZM", "Kitwe", "Kitwes stadsfullmäktige", "Kitwe City Council"),
    ("tuzla", L, "BA", "Tuzla", "Tuzla stad", "City of Tuzla"),
    ("prizren", L, "XK", "Prizren", "Prizrens kommun", "Municipality of Prizren"),
    ("huye", L, "RW", "Huye", "Huye distrikt", "Huye District"),
    ("manizales", L, "CO", "Manizales", "Manizales kommun", "Municipality of Manizales"),
]

# slug, organisation, themes, since, listing, show name, contact, contact person, Swedish, English
SEEKERS = [
    (
        "kisumu-climate-adaptation",
        "kisumu",
        ["environment-and-climate", "citizen-participation"],
        date(2025, 3, 10),
        True,
        True,
        True,
        ("Achieng Otieno", "a.otieno@kisumu.example"),
        "Kisumu vill arbeta med klimatanpassning kring Victoriasjön: översvämningar, dagvatten och hur invånarna i informella bosättningar kan vara med och prioritera åtgärder.",
        "Kisumu wants to work on climate adaptation around Lake Victoria: floods, stormwater, and how residents of informal settlements can take part in setting priorities.",
    ),
    (
        "mbale-youth-participation",
        "mbale",
        ["children-and-youth", "citizen-participation"],
        date(2025, 9, 1),
        True,
        True,
        True,
        ("Peter Wasike", "p.wasike@mbale.example"),
        "Mbale söker en svensk kommun med erfarenhet av ungdomsråd, för att ge unga en röst i stadens budget och planering.",
        "Mbale is looking for a Swedish municipality with experience of youth councils, to give young people a voice in the city's budget and planning.",
    ),
    (
        "kitwe-gender-equal-services",
        "kitwe",
        ["gender-equality", "transparency-and-accountability"],
        date(2026, 2, 20),
        True,
        False,
        True,
        ("Mwila Chanda", "m.chanda@kitwe.example"),
        "En stad i Zambias kopparbälte vill jämställdhetsintegrera sina tjänster och sin budget, och öppna upp besluten för invånarna.",
        "A city in Zambia's Copperbelt wants to make its services and budget gender-equal, and open its decisions to residents.",
    ),
    (
        "tuzla-open-council",
        "tuzla",
        ["transparency-and-accountability", "citizen-participation"],
        date(2026, 5, 4),
        True,
        True,
        False,
        ("Amra Hodžić", "a.hodzic@tuzla.example"),
        "Tuzla vill göra fullmäktiges arbete mer öppet: sända möten, publicera handlingar och ta emot medborgarförslag digitalt.",
        "Tuzla wants to make the council's work more open: stream meetings, publish documents and receive citizens' proposals online.",
    ),
    (
        "prizren-heritage-planning",
        "prizren",
        ["urban-planning", "environment-and-climate"],
        date(2026, 6, 15),
        False,
        False,
        True,
        ("Blerim Krasniqi", "b.krasniqi@prizren.example"),
        "Prizren vill planera sin historiska stadskärna med invånarna, med hänsyn till både kulturarv och klimat.",
        "Prizren wants to plan its historic centre with residents, with both heritage and climate in mind.",
    ),
    (
        "huye-inclusive-schools",
        "huye",
        ["education", "children-and-youth"],
        date(2024, 11, 1),
        False,
        False,
        True,
        ("Jean-Claude Habimana", "jc.habimana@huye.example"),
        "Huye vill göra skolorna mer inkluderande för barn med funktionsnedsättning.",
        "Huye wants to make its schools more inclusive for children with disabilities.",
    ),
    (
        "manizales-social-inclusion",
        "manizales",
        ["social-inclusion", "human-rights"],
        date(2026, 9, 10),
        True,
        True,
        True,
        ("Camila Restrepo", "c.restrepo@manizales.example"),
        "Manizales söker en svensk partner för att arbeta med mottagande och inkludering av människor på flykt från andra delar av landet.",
        "Manizales is looking for a Swedish partner to work on receiving and including people displaced from other parts of the country.",
    ),
]

# key, organisation, contact, role, email, countries, themes, seeker, status, received, closed, message
REGISTRATIONS = [
    (
        "orebro-2026-11",
        "orebro",
        "Lena Holm",
        "Internationell samordnare",
        "lena.holm@orebro.example",
        ["KE", "UG"],
        ["environment-and-climate"],
        "kisumu-climate-adaptation",
        "new",
        datetime(2026, 11, 20, 10, 15),
        None,
        "Kommunstyrelsen har gett oss i uppdrag att undersöka ett partnerskap om klimatanpassning.",
    ),
    (
        "lulea-2026-10",
        "lulea",
        "Johan Berg",
        "Utvecklingsstrateg",
        "johan.berg@lulea.example",
        ["ZM"],
        ["gender-equality"],
        "",
        "contacted",
        datetime(2026, 10, 2, 14, 0),
        None,
        "Vi vill dela våra erfarenheter av jämställdhetsintegrerad budget.",
    ),
    (
        "ostersund-2026-05",
        "ostersund",
        "Sara Nilsson",
        "Skolchef",
        "sara.nilsson@ostersund.example",
        ["RW"],
        ["education", "children-and-youth"],
        "",
        "matched",
        datetime(2026, 5, 12, 9, 30),
        None,
        "Intresserade av inkluderande skola.",
    ),
    (
        "malmo-2023-09",
        "malmo",
        "Ahmed Karimi",
        "Projektledare",
        "ahmed.karimi@malmo.example",
        ["CO"],
        ["social-inclusion"],
        "",
        "closed",
        datetime(2023, 9, 4, 11, 0),
        datetime(2024, 1, 15, 16, 0),
        "Vi har redan en partner genom ett nätverk.",
    ),
]


def seed(stdout) -> None:
    for name_sv, name_en, opens, closes in ROUNDS:
        upsert(
            ApplicationRound,
            {"opens_on": opens},
            {"name_sv": name_sv, "name_en": name_en, "closes_on": closes},
        )
    stdout.write(f"  {len(ROUNDS)} application rounds")

    countries = {country.code: country for country in Country.objects.all()}
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    for slug, kind, country, short, name_sv, name_en in SEEKER_ORGANISATIONS:
        upsert(
            Organisation,
            {"slug": slug},
            {
                "kind": kind,
                "country": countries[country],
                "short_name": short,
                "name_sv": name_sv,
                "name_en": name_en,
            },
        )
    organisations = {org.slug: org for org in Organisation.objects.all()}
    seekers = {}
    for slug, org, theme_slugs, since, listing, show_name, contact, (
        person,
        email,
    ), text_sv, text_en in SEEKERS:
        organisation = organisations[org]
        values = {
            "country": organisation.country,
            "seeking_since": since,
            "consent_listing": listing,
            "consent_show_name": show_name,
            "consent_contact": contact,
            "contact_name": person,
            "contact_email": email,
            "description_sv": text_sv,
            "description_en": text_en,
        }
        # One seeker per organisation; the key is its slug only if it agreed to show its name
        # (a seeker that did not gets a random one from the service).
        seeker = PartnerSeeker.objects.filter(organisation=organisation).first()
        if seeker is None:
            seeker = PartnerSeeker(organisation=organisation, slug=slug, **values)
            changed = list(values)
        else:
            changed = [name for name, value in values.items() if getattr(seeker, name) != value]
        for name in changed:
            setattr(seeker, name, values[name])
        if changed:
            partnership_services.seeker_save(seeker=seeker)
        set_related(seeker.themes, [themes[t] for t in theme_slugs])
        seekers[slug] = seeker
    stdout.write(f"  {len(SEEKERS)} partner seekers")

    for (
        key,
        org,
        person,
        role,
        email,
        country_codes,
        theme_slugs,
        seeker,
        status,
        received,
        closed,
        message,
    ) in REGISTRATIONS:
        registration = upsert(
            InterestRegistration,
            {"submission_token": uuid.uuid5(DEMO_NAMESPACE, key)},
            {
                "organisation": organisations[org],
                "contact_name": person,
                "role": role,
                "email": email,
                "language": "sv",
                "status": status,
                "message": message,
                "seeker": seekers.get(seeker),
                "application_round": ApplicationRound.objects.for_day(received.date()),
                "closed_at": closed.replace(tzinfo=STOCKHOLM) if closed else None,
            },
        )
        received_at = received.replace(tzinfo=STOCKHOLM)
        if registration.created_at != received_at:
            InterestRegistration.objects.filter(pk=registration.pk).update(
                created_at=received_at, consented_at=received_at
            )
        set_related(registration.countries, [countries[c] for c in country_codes])
        set_related(registration.themes, [themes[t] for t in theme_slugs])
        if status == "matched":
            Match.objects.get_or_create(
                registration=registration, seeker=seekers["huye-inclusive-schools"]
            )
            if seekers["huye-inclusive-schools"].status != PartnerSeeker.Status.MATCHED:
                seekers["huye-inclusive-schools"].status = PartnerSeeker.Status.MATCHED
                seekers["huye-inclusive-schools"].save(update_fields=["status", "updated_at"])
    stdout.write(f"  {len(REGISTRATIONS)} interest registrations")
