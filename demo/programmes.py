"""Demo content: six training programmes with intakes and phases, offers to host, and visits.

Facts come from the project's domain brief on ICLD's training programmes; dates are set
around the demo's "today" of late November 2026, so some calls are open, some open later and
one is closed. Idempotent: every row is found by a stable key and only written when it differs.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from django.utils import timezone

from demo.helpers import set_related, upsert
from programmes.models import (
    HostingOffer,
    HostingPeriod,
    Intake,
    Phase,
    Programme,
    ScheduledVisit,
)
from reference.models import Country, Organisation, Theme

D = date.fromisoformat
CONTACT = "itp@icld.se"
ITP_PAGE = {
    "sv": "https://icld.se/vart-arbete/internationella-utbildningsprogram/",
    "en": "https://icld.se/en/what-we-do/international-programmes/",
}

# Each programme's own application information: its call, who may apply, its contact and the
# page where the call is published (ICLD's pages found in the domain brief; the contacts are
# made-up demo people at example addresses).
APPLICATION = {
    "womens-political-leadership": {
        "application_period_sv": "En gång om året, oftast från mitten av augusti till mitten av "
        "oktober; för omgång 13 från 2 november till 15 december 2026.",
        "application_period_en": "Once a year, usually from mid-August to mid-October; for cohort "
        "13 from 2 November to 15 December 2026.",
        "who_may_apply_sv": "Förtroendevalda kvinnor i tjänst i en kommun eller region: i första "
        "hand borgmästare och vice borgmästare, i undantagsfall fullmäktigeledamöter. Du ansöker "
        "som person. Ditt land får inte ha lokalval under programåret.",
        "who_may_apply_en": "Elected women in office in a municipality or region: mayors and "
        "deputy mayors first, councillors as an exception. You apply as a person. Your country "
        "must not hold local elections in the training year.",
        "application_url_sv": "https://icld.se/sv/internationella-utbildningsprogram/programmen/"
        "itp-local-political-leaders-capacitating-women-in-politics/programme-structure-2/",
        "application_url_en": "",
        "contact_name": "Lina Bergström",
        "contact_email": "lina.bergstrom@icld.example",
    },
    "local-leaders-zimbabwe": {
        "application_period_sv": "Nästa utlysning: 1 februari – 15 mars 2027.",
        "application_period_en": "Next call: 1 February – 15 March 2027.",
        "who_may_apply_sv": "Zimbabwiska lokala myndigheter, som ansöker för ett team om två: en "
        "ledande tjänsteperson och en förtroendevald fullmäktigeledamot.",
        "who_may_apply_en": "Zimbabwean local authorities, applying for a team of two: a senior "
        "official and an elected councillor.",
        "application_url_sv": "",
        "application_url_en": "https://icld.se/en/international-programmes/the-programmes/"
        "local-leaders-capacitating-local-politicians-in-zimbabwe",
        "contact_name": "Tendai Moyo",
        "contact_email": "tendai.moyo@icld.example",
    },
    "local-governance-rights-based-approach": {
        "application_period_sv": "Utlysningen för omgång 2027–2028 är öppen 15 oktober – "
        "14 december 2026.",
        "application_period_en": "The call for the 2027–2028 intake is open from 15 October to "
        "14 December 2026.",
        "who_may_apply_sv": "Team om tre till fyra personer från samma kommun eller region i "
        "Albanien, Bosnien och Hercegovina, Georgien, Kosovo, Nordmakedonien, Moldavien, "
        "Montenegro, Serbien, Turkiet eller Ukraina: tjänstepersoner, förtroendevalda och gärna "
        "en företrädare för civilsamhället.",
        "who_may_apply_en": "Teams of three to four from one municipality or region in Albania, "
        "Bosnia and Herzegovina, Georgia, Kosovo, North Macedonia, Moldova, Montenegro, Serbia, "
        "Turkey or Ukraine: officials, elected politicians and, ideally, a civil society "
        "representative.",
        "application_url_sv": "",
        "application_url_en": "https://icld.se/en/international-programmes/the-programmes/"
        "local-governance-with-a-rights-based-approach",
        "contact_name": "Emil Sandberg",
        "contact_email": "emil.sandberg@icld.example",
    },
    "symbiocity-urban-development": {
        "application_period_sv": "Utlysningen för omgång 2027–2028 stängde 1 oktober 2026.",
        "application_period_en": "The call for the 2027–2028 intake closed on 1 October 2026.",
        "who_may_apply_sv": "Kommuner som ansöker för ett team om två till tre stadsplanerare "
        "eller andra tjänstepersoner som arbetar med stadsutveckling.",
        "who_may_apply_en": "Municipalities, applying for a team of two to three urban planners "
        "or other officials who work on urban development.",
        "application_url_sv": "https://icld.se/sv/artikel/program-med-hallbar-stadsutveckling-i-fokus/",
        "application_url_en": "",
        "contact_name": "Maja Lindgren",
        "contact_email": "maja.lindgren@icld.example",
    },
    "public-financial-management": {
        "application_period_sv": "Nästa utlysning: 15 januari – 1 mars 2027.",
        "application_period_en": "Next call: 15 January – 1 March 2027.",
        "who_may_apply_sv": "Ekonomichefer, budgethandläggare och andra tjänstepersoner med ansvar "
        "för en kommuns eller regions ekonomi. Bifoga ett intyg från din arbetsgivare.",
        "who_may_apply_en": "Finance directors, budget officers and other officials responsible "
        "for a municipality's or region's finances. Add a statement from your employer.",
        "application_url_sv": "",
        "application_url_en": "https://icld.se/en/international-programmes/the-programmes/"
        "itp-municipal-financing-supporting-local-development-and-local-democracy-2020/"
        "programme-structure/",
        "contact_name": "Oscar Nyberg",
        "contact_email": "oscar.nyberg@icld.example",
    },
    "leadership-in-local-governance": {
        "application_period_sv": "Utlysningen för omgång 2027–2028 är öppen 16 november 2026 – "
        "31 januari 2027.",
        "application_period_en": "The call for the 2027–2028 intake is open from 16 November 2026 "
        "to 31 January 2027.",
        "who_may_apply_sv": "Team om två till fem personer, minst en av dem kvinna: "
        "förtroendevalda lokalpolitiker tillsammans med gräsrotsorganisationer från utsatta "
        "stadsdelar i Kenya, Zambia, Botswana, Namibia eller Sydafrika.",
        "who_may_apply_en": "Teams of two to five, at least one of them a woman: elected local "
        "politicians together with grassroots organisations from poor urban areas in Kenya, "
        "Zambia, Botswana, Namibia or South Africa.",
        "application_url_sv": "https://icld.se/sv/internationella-utbildningsprogram/programmen/"
        "inclusive-political-leadership-3/programme-structure/",
        "application_url_en": "https://icld.se/en/article/"
        "new-international-training-programme-inclusive-political-leadership/",
        "contact_name": "Amina Hassan",
        "contact_email": "amina.hassan@icld.example",
    },
}
TOKEN_NAMESPACE = uuid.UUID("5d0f3a52-4f0e-4a43-9a55-6c1d2b9e7a10")

WESTERN_BALKANS_AND_EAST = ["AL", "BA", "GE", "XK", "MK", "MD", "ME", "RS", "TR", "UA"]
EAST_AND_SOUTHERN_AFRICA = ["KE", "TZ", "UG", "RW", "ZM", "ZW", "BW", "ZA"]
CURRENT_PARTNERS = [
    "BA",
    "XK",
    "RS",
    "UA",
    "CO",
    "GT",
    "KE",
    "TZ",
    "UG",
    "RW",
    "BW",
    "ZA",
    "ZM",
    "ZW",
]

STANDARD_PHASES_TEXT = {
    "sv": (
        "Programmet följer ICLD:s vanliga upplägg: förberedelse hemma, en inledande workshop i "
        "regionen, arbete med förändringsprojektet hemifrån med stöd av en mentor, en fas i "
        "Sverige med föreläsningar och studiebesök, och en avslutande workshop i regionen."
    ),
    "en": (
        "The programme follows ICLD's usual shape: preparation at home, an inception workshop "
        "in the region, work on the change project at home with a mentor's support, a phase in "
        "Sweden with lectures and study visits, and a final workshop in the region."
    ),
}

PROGRAMMES = [
    {
        "slug": "womens-political-leadership",
        "ordering": 1,
        "title_sv": "Kvinnors politiska ledarskap (Women's Political Leadership Programme)",
        "title_en": "Women's Political Leadership Programme",
        "summary_sv": "ICLD:s fristående program för förtroendevalda kvinnor i lokala och "
        "regionala församlingar, med svenska politiker som mentorer.",
        "summary_en": "ICLD's stand-alone programme for elected women in local and regional "
        "government, with Swedish politicians as mentors.",
        "aim_sv": "Programmet stärker kvinnor som politiska ledare så att fler kvinnor tar och "
        "behåller beslutande poster i lokalt styre. Varje deltagare driver ett "
        "förändringsprojekt i sin egen kommun eller region.\n\nProgrammet startade 2013 "
        "som Local Political Leaders – Capacitating Women in Politics.",
        "aim_en": "The programme strengthens women as political leaders so that more women take "
        "and keep decision-making posts in local government. Each participant carries "
        "out a change project in her own municipality or region.\n\nThe programme "
        "started in 2013 as Local Political Leaders – Capacitating Women in Politics.",
        "target_group_sv": "Förtroendevalda kvinnor i tjänst, i första hand borgmästare och "
        "vice borgmästare, i undantagsfall fullmäktigeledamöter, från både "
        "majoritet och opposition. Deltagarnas land får inte ha lokalval under "
        "programåret.",
        "target_group_en": "Elected women in office: mayors and deputy mayors first, councillors "
        "as an exception, from the majority and the opposition. Participants' "
        "countries must not hold local elections in the training year.",
        "format": Programme.Format.STAND_ALONE,
        "duration_months": 12,
        "partners_sv": "Sveriges Kommuner och Regioner (SKR), vars politiker är mentorer",
        "partners_en": "SKR, the Swedish Association of Local Authorities and Regions, whose "
        "politicians act as mentors",
        "how_to_apply_sv": "Ansök med ICLD:s ansökningsformulär och ett läkarintyg före sista "
        "ansökningsdag. Cirka 25 deltagare antas per omgång.",
        "how_to_apply_en": "Apply with ICLD's application form and a medical statement before "
        "the deadline. About 25 participants are admitted to each cohort.",
        "countries": CURRENT_PARTNERS,
        "themes": ["gender-equality", "democratic-resilience"],
        "intakes": [
            {
                "name_sv": "Omgång 11, 2025",
                "name_en": "Cohort 11, 2025",
                "dates": ("2025-01-27", "2026-01-30"),
                "apply": ("2024-08-15", "2024-10-15"),
                "phases": [
                    ("inception", "2025-01-27", "2025-01-31", "Nairobi, Kenya", "Nairobi, Kenya"),
                    ("home_based", "2025-02-03", "2025-08-29", "", ""),
                    (
                        "sweden",
                        "2025-09-08",
                        "2025-09-19",
                        "Visby och Stockholm",
                        "Visby and Stockholm",
                    ),
                    (
                        "final",
                        "2026-01-19",
                        "2026-01-23",
                        "Kapstaden, Sydafrika",
                        "Cape Town, South Africa",
                    ),
                ],
            },
            {
                "name_sv": "Omgång 12, 2026",
                "name_en": "Cohort 12, 2026",
                "dates": ("2026-01-26", "2027-01-29"),
                "apply": ("2025-08-18", "2025-10-15"),
                "phases": [
                    ("inception", "2026-01-26", "2026-01-30", "Kampala, Uganda", "Kampala, Uganda"),
                    ("home_based", "2026-02-02", "2026-08-28", "", ""),
                    (
                        "sweden",
                        "2026-09-07",
                        "2026-09-18",
                        "Visby och värdkommuner",
                        "Visby and host municipalities",
                    ),
                    (
                        "final",
                        "2027-01-25",
                        "2027-01-29",
                        "Sarajevo, Bosnien och Hercegovina",
                        "Sarajevo, Bosnia and Herzegovina",
                    ),
                ],
            },
            {
                "name_sv": "Omgång 13, 2027",
                "name_en": "Cohort 13, 2027",
                "dates": ("2027-02-01", "2028-01-28"),
                "apply": ("2026-11-02", "2026-12-15"),
                "phases": [
                    ("preparation", "2027-02-01", "2027-02-19", "", ""),
                    ("inception", "2027-02-22", "2027-02-26", "Lusaka, Zambia", "Lusaka, Zambia"),
                    ("home_based", "2027-03-01", "2027-08-27", "", ""),
                    (
                        "sweden",
                        "2027-09-06",
                        "2027-09-17",
                        "Visby och värdkommuner",
                        "Visby and host municipalities",
                    ),
                    ("final", "2028-01-24", "2028-01-28", "Bogotá, Colombia", "Bogotá, Colombia"),
                ],
            },
        ],
    },
    {
        "slug": "local-leaders-zimbabwe",
        "ordering": 2,
        "title_sv": "Local Leaders – utbildning för lokala politiker i Zimbabwe",
        "title_en": "Local Leaders – Capacitating Local Politicians in Zimbabwe",
        "summary_sv": "Team med en ledande tjänsteperson och en förtroendevald från zimbabwiska "
        "lokala myndigheter stärker det lokala styret, med fokus på jämställdhet.",
        "summary_en": "Teams of a senior official and an elected councillor from Zimbabwean "
        "local authorities strengthen local governance, with a focus on gender.",
        "aim_sv": "Programmet stärker samarbetet mellan förtroendevalda och tjänstepersoner i "
        "Zimbabwes lokala myndigheter, så att beslut fattas öppet och med medborgarnas "
        "delaktighet. Jämställdhet går som en röd tråd genom programmet.",
        "aim_en": "The programme strengthens the cooperation between elected councillors and "
        "officials in Zimbabwe's local authorities, so that decisions are made openly "
        "and with citizens taking part. Gender equality runs through the programme.",
        "target_group_sv": "Team om två från zimbabwiska lokala myndigheter: en ledande "
        "tjänsteperson och en förtroendevald ledamot.",
        "target_group_en": "Teams of two from Zimbabwean local authorities: one senior official "
        "and one elected councillor.",
        "format": Programme.Format.STAND_ALONE,
        "duration_months": 18,
        "partners_sv": "Gender Links och Midlands State University",
        "partners_en": "Gender Links and Midlands State University",
        "how_to_apply_sv": "Den lokala myndigheten ansöker för sitt team med ICLD:s formulär. "
        "Båda deltagarna ska ha stöd av myndighetens ledning.",
        "how_to_apply_en": "The local authority applies for its team with ICLD's form. Both "
        "participants need the backing of the authority's leadership.",
        "countries": ["ZW"],
        "themes": ["gender-equality", "citizen-participation"],
        "intakes": [
            {
                "name_sv": "Omgång 2025–2026",
                "name_en": "Round 2025–2026",
                "dates": ("2025-03-03", "2026-08-28"),
                "apply": ("2024-10-01", "2024-11-30"),
                "phases": [
                    ("inception", "2025-03-03", "2025-03-07", "Gweru, Zimbabwe", "Gweru, Zimbabwe"),
                    (
                        "sweden",
                        "2025-10-06",
                        "2025-10-17",
                        "Visby och värdkommuner",
                        "Visby and host municipalities",
                    ),
                    ("final", "2026-08-24", "2026-08-28", "Harare, Zimbabwe", "Harare, Zimbabwe"),
                ],
            },
            {
                "name_sv": "Omgång 2027–2028",
                "name_en": "Round 2027–2028",
                "dates": ("2027-05-03", "2028-10-27"),
                "apply": ("2027-02-01", "2027-03-15"),
                "phases": [
                    ("inception", "2027-05-03", "2027-05-07", "Gweru, Zimbabwe", "Gweru, Zimbabwe"),
                    ("home_based", "2027-05-10", "2027-09-24", "", ""),
                    (
                        "sweden",
                        "2027-10-04",
                        "2027-10-15",
                        "Visby och värdkommuner",
                        "Visby and host municipalities",
                    ),
                    (
                        "regional",
                        "2028-03-06",
                        "2028-03-10",
                        "Bulawayo, Zimbabwe",
                        "Bulawayo, Zimbabwe",
                    ),
                    ("final", "2028-10-23", "2028-10-27", "Harare, Zimbabwe", "Harare, Zimbabwe"),
                ],
            },
        ],
    },
    {
        "slug": "local-governance-rights-based-approach",
        "ordering": 3,
        "title_sv": "Lokalt styre med ett rättighetsbaserat arbetssätt",
        "title_en": "Local Governance with a Rights Based Approach",
        "summary_sv": "Mänskliga rättigheter i praktiken för tjänstepersoner, politiker och "
        "civilsamhälle från Västra Balkan och Östeuropa.",
        "summary_en": "Human rights in practice for officials, politicians and civil society "
        "from the Western Balkans and Eastern Europe.",
        "aim_sv": "Deltagarna lär sig att använda de mänskliga rättigheterna som grund för "
        "lokala beslut och tjänster: icke-diskriminering, delaktighet, öppenhet och "
        "ansvarsutkrävande.",
        "aim_en": "Participants learn to use human rights as the basis for local decisions and "
        "services: non-discrimination, participation, transparency and "
        "accountability.",
        "target_group_sv": "Tjänstepersoner och förtroendevalda i kommuner och regioner, samt "
        "företrädare för civilsamhället, i team om tre till fyra personer.",
        "target_group_en": "Officials and elected politicians in local and regional government, "
        "and representatives of civil society, in teams of three to four.",
        "format": Programme.Format.STAND_ALONE,
        "duration_months": 18,
        "format_description_sv": "Under veckorna i Sverige gör gruppen studiebesök, till "
        "exempel i Örebro, och varje team gör två dagars praktik i en "
        "svensk kommun. Förra gången tog åtta kommuner, från Hörby till "
        "Skellefteå, emot team.",
        "format_description_en": "During the weeks in Sweden the group makes study visits, for "
        "example to Örebro, and each team spends two days of work "
        "experience in a Swedish municipality. Last time eight "
        "municipalities, from Hörby to Skellefteå, hosted teams.",
        "how_to_apply_sv": "Ett team ansöker tillsammans med ICLD:s formulär och ett "
        "läkarintyg per deltagare.",
        "how_to_apply_en": "A team applies together with ICLD's form and a medical statement for "
        "each participant.",
        "countries": WESTERN_BALKANS_AND_EAST,
        "themes": ["human-rights", "social-inclusion", "children-and-youth"],
        "intakes": [
            {
                "name_sv": "Omgång 2025–2026",
                "name_en": "Round 2025–2026",
                "dates": ("2025-03-10", "2026-09-11"),
                "apply": ("2024-10-01", "2024-12-01"),
                "phases": [
                    (
                        "inception",
                        "2025-03-10",
                        "2025-03-14",
                        "Belgrad, Serbien",
                        "Belgrade, Serbia",
                    ),
                    (
                        "sweden",
                        "2025-09-22",
                        "2025-10-03",
                        "Örebro och värdkommuner",
                        "Örebro and host municipalities",
                    ),
                    ("final", "2026-09-07", "2026-09-11", "Tbilisi, Georgien", "Tbilisi, Georgia"),
                ],
            },
            {
                "name_sv": "Omgång 2027–2028",
                "name_en": "Round 2027–2028",
                "dates": ("2027-03-08", "2028-09-08"),
                "apply": ("2026-10-15", "2026-12-14"),
                "phases": [
                    ("preparation", "2027-03-08", "2027-03-26", "", ""),
                    (
                        "inception",
                        "2027-04-12",
                        "2027-04-16",
                        "Sarajevo, Bosnien och Hercegovina",
                        "Sarajevo, Bosnia and Herzegovina",
                    ),
                    ("home_based", "2027-04-19", "2027-09-10", "", ""),
                    (
                        "sweden",
                        "2027-09-20",
                        "2027-10-01",
                        "Örebro och värdkommuner",
                        "Örebro and host municipalities",
                    ),
                    (
                        "final",
                        "2028-09-04",
                        "2028-09-08",
                        "Chișinău, Moldavien",
                        "Chișinău, Moldova",
                    ),
                ],
            },
        ],
    },
    {
        "slug": "symbiocity-urban-development",
        "ordering": 4,
        "title_sv": "Inkluderande stadsutveckling med SymbioCity-metoden",
        "title_en": "Enabling Local Democracy and Inclusive Urban Development through the "
        "SymbioCity Approach",
        "summary_sv": "Hållbar och inkluderande stadsplanering för stadsplanerare och "
        "tjänstepersoner, tillsammans med SKR International.",
        "summary_en": "Sustainable and inclusive urban planning for urban planners and "
        "officials, with SKL International.",
        "aim_sv": "Deltagarna använder SymbioCity-metoden för att planera städer helhetligt och "
        "med invånarna: bostäder, vatten, avfall, trafik och offentliga platser "
        "hänger ihop.",
        "aim_en": "Participants use the SymbioCity Approach to plan cities holistically and "
        "with their residents: housing, water, waste, transport and public space "
        "belong together.",
        "target_group_sv": "Stadsplanerare och andra tjänstepersoner i team från kommuner i "
        "Västra Balkan.",
        "target_group_en": "Urban planners and other officials, in teams from municipalities in "
        "the Western Balkans.",
        "format": Programme.Format.STAND_ALONE,
        "duration_months": 18,
        "format_description_sv": "Under fasen i Sverige följer deltagarna kollegor i svenska "
        "städer under några dagar. Borås har till exempel tagit emot "
        "planerare från Nordmakedonien och Serbien.",
        "format_description_en": "During the phase in Sweden participants spend a few days "
        "following colleagues in Swedish cities. Borås, for example, "
        "has hosted planners from North Macedonia and Serbia.",
        "partners_sv": "SKR International",
        "partners_en": "SKL International",
        "how_to_apply_sv": "Kommunen ansöker för ett team om två till tre planerare.",
        "how_to_apply_en": "The municipality applies for a team of two to three planners.",
        "countries": ["AL", "BA", "XK", "ME", "MK", "RS"],
        "themes": ["urban-planning", "environment-and-climate", "citizen-participation"],
        "intakes": [
            {
                "name_sv": "Omgång 2024–2025",
                "name_en": "Round 2024–2025",
                "dates": ("2024-02-12", "2025-08-29"),
                "apply": ("2023-09-01", "2023-10-15"),
                "participants": 24,
                "phases": [
                    (
                        "inception",
                        "2024-02-12",
                        "2024-02-16",
                        "Skopje, Nordmakedonien",
                        "Skopje, North Macedonia",
                    ),
                    (
                        "sweden",
                        "2024-09-16",
                        "2024-09-27",
                        "Borås och Stockholm",
                        "Borås and Stockholm",
                    ),
                    ("final", "2025-08-25", "2025-08-29", "Belgrad, Serbien", "Belgrade, Serbia"),
                ],
            },
            {
                "name_sv": "Omgång 2027–2028",
                "name_en": "Round 2027–2028",
                "dates": ("2027-02-15", "2028-08-18"),
                "apply": ("2026-08-17", "2026-10-01"),
                "participants": 24,
                "phases": [
                    (
                        "inception",
                        "2027-02-15",
                        "2027-02-19",
                        "Skopje, Nordmakedonien",
                        "Skopje, North Macedonia",
                    ),
                    ("home_based", "2027-02-22", "2027-09-03", "", ""),
                    (
                        "sweden",
                        "2027-09-13",
                        "2027-09-24",
                        "Borås och värdkommuner",
                        "Borås and host municipalities",
                    ),
                    ("final", "2028-08-14", "2028-08-18", "Priština, Kosovo", "Pristina, Kosovo"),
                ],
            },
        ],
    },
    {
        "slug": "public-financial-management",
        "ordering": 5,
        "title_sv": "Offentlig ekonomistyrning och lokal ekonomisk utveckling",
        "title_en": "Public Financial Management and Local Economic Development",
        "summary_sv": "För ekonomiansvariga i kommuner: budget, lokala intäkter och "
        "investeringar som stärker både utveckling och demokrati. Med UNCDF.",
        "summary_en": "For local finance officials: budgets, own revenue and investment that "
        "strengthen both development and democracy. With UNCDF.",
        "aim_sv": "Programmet, som tidigare hette Municipal Financing – Supporting Local "
        "Development and Local Democracy, visar hur en öppen och ansvarsfull "
        "ekonomistyrning ger invånarna bättre tjänster och större förtroende.",
        "aim_en": "The programme, formerly Municipal Financing – Supporting Local Development and "
        "Local Democracy, shows how open and accountable financial management gives "
        "residents better services and more trust.",
        "target_group_sv": "Ekonomichefer, budgetansvariga och andra tjänstepersoner med ansvar "
        "för lokal ekonomi i Öst- och södra Afrika.",
        "target_group_en": "Finance directors, budget officers and other officials responsible "
        "for local finance in East and Southern Africa.",
        "format": Programme.Format.STAND_ALONE,
        "duration_months": 18,
        "format_description_sv": "Programmet har nio faser. Fas 2, 4, 6 och 8 är workshoppar; "
        "mellan dem arbetar deltagarna med sina förändringsprojekt "
        "hemma.",
        "format_description_en": "The programme has nine phases. Phases 2, 4, 6 and 8 are "
        "workshops; between them participants work on their change "
        "projects at home.",
        "partners_sv": "FN:s kapitalutvecklingsfond (UNCDF)",
        "partners_en": "UN Capital Development Fund (UNCDF)",
        "how_to_apply_sv": "Ansök med ICLD:s formulär, med ett intyg från din arbetsgivare.",
        "how_to_apply_en": "Apply with ICLD's form, together with a statement from your employer.",
        "countries": EAST_AND_SOUTHERN_AFRICA,
        "themes": ["local-economic-development", "transparency-and-accountability"],
        "intakes": [
            {
                "name_sv": "Omgång 2025–2026",
                "name_en": "Round 2025–2026",
                "dates": ("2025-04-07", "2026-09-25"),
                "apply": ("2024-11-15", "2025-01-31"),
                "phases": [
                    (
                        "inception",
                        "2025-04-07",
                        "2025-04-11",
                        "Dar es Salaam, Tanzania",
                        "Dar es Salaam, Tanzania",
                    ),
                    (
                        "sweden",
                        "2025-10-13",
                        "2025-10-24",
                        "Visby och Stockholm",
                        "Visby and Stockholm",
                    ),
                    ("final", "2026-09-21", "2026-09-25", "Kigali, Rwanda", "Kigali, Rwanda"),
                ],
            },
            {
                "name_sv": "Omgång 2027–2028",
                "name_en": "Round 2027–2028",
                "dates": ("2027-05-03", "2028-10-31"),
                "apply": ("2027-01-15", "2027-03-01"),
                "phases": [
                    ("preparation", "2027-05-03", "2027-05-28", "", ""),
                    ("inception", "2027-06-07", "2027-06-11", "Nairobi, Kenya", "Nairobi, Kenya"),
                    (
                        "sweden",
                        "2027-10-11",
                        "2027-10-22",
                        "Visby och värdkommuner",
                        "Visby and host municipalities",
                    ),
                    ("regional", "2028-03-13", "2028-03-17", "Lusaka, Zambia", "Lusaka, Zambia"),
                    ("final", "2028-10-23", "2028-10-27", "Kampala, Uganda", "Kampala, Uganda"),
                ],
            },
        ],
    },
    {
        "slug": "leadership-in-local-governance",
        "ordering": 6,
        "title_sv": "Ledarskap i lokalt styre",
        "title_en": "Leadership in Local Governance",
        "summary_sv": "Förtroendevalda och gräsrotsorganisationer från fattiga stadsdelar "
        "arbetar tillsammans för ett mer inkluderande lokalt styre.",
        "summary_en": "Elected politicians and grassroots organisations from poor urban areas "
        "work together for more inclusive local government.",
        "aim_sv": "Programmet, som startade 2017 som Inclusive Political Leadership, stärker "
        "samspelet mellan lokala politiker och invånare i informella bosättningar. "
        "Det bygger på forskning av María José Zapata vid Göteborgs universitet.",
        "aim_en": "The programme, launched in 2017 as Inclusive Political Leadership, "
        "strengthens the bond between local politicians and residents of informal "
        "settlements. It builds on research by María José Zapata at the University "
        "of Gothenburg.",
        "target_group_sv": "Team om två till fem personer, minst en kvinna: förtroendevalda "
        "lokalpolitiker och företrädare för gräsrotsorganisationer.",
        "target_group_en": "Teams of two to five, at least one of them a woman: elected local "
        "politicians and representatives of grassroots organisations.",
        "format": Programme.Format.NETWORK,
        "duration_months": 12,
        "format_description_sv": "Tolv månader med fyra workshoppar och en fas i Sverige.",
        "format_description_en": "Twelve months with four workshops and a phase in Sweden.",
        "how_to_apply_sv": "Teamet ansöker tillsammans, med en gemensam beskrivning av den "
        "förändring det vill åstadkomma.",
        "how_to_apply_en": "The team applies together, with a joint description of the change "
        "it wants to bring about.",
        "countries": ["KE", "ZM", "BW", "NA", "ZA"],
        "themes": ["citizen-participation", "social-inclusion", "gender-equality"],
        "intakes": [
            {
                "name_sv": "Omgång 2020–2021",
                "name_en": "Round 2020–2021",
                "dates": ("2020-10-05", "2021-10-29"),
                "apply": ("2020-05-04", "2020-06-15"),
                "phases": [
                    ("inception", "2020-10-05", "2020-10-09", "Digitalt", "Online"),
                    (
                        "sweden",
                        "2021-09-13",
                        "2021-09-25",
                        "Göteborg och Visby",
                        "Gothenburg and Visby",
                    ),
                    ("final", "2021-10-25", "2021-10-29", "Nairobi, Kenya", "Nairobi, Kenya"),
                ],
            },
            {
                "name_sv": "Omgång 2027–2028",
                "name_en": "Round 2027–2028",
                "dates": ("2027-04-05", "2028-03-31"),
                "apply": ("2026-11-16", "2027-01-31"),
                "phases": [
                    (
                        "inception",
                        "2027-04-05",
                        "2027-04-09",
                        "Johannesburg, Sydafrika",
                        "Johannesburg, South Africa",
                    ),
                    ("regional", "2027-06-14", "2027-06-18", "Lusaka, Zambia", "Lusaka, Zambia"),
                    (
                        "sweden",
                        "2027-09-13",
                        "2027-09-25",
                        "Göteborg och värdkommuner",
                        "Gothenburg and host municipalities",
                    ),
                    ("final", "2028-03-27", "2028-03-31", "Nairobi, Kenya", "Nairobi, Kenya"),
                ],
            },
        ],
    },
]

# (key, organisation slug, kinds, themes, capacity, periods, listed, status, contact, email)
OFFERS = [
    (
        "orebro",
        "orebro",
        ["group_visit", "placement"],
        ["human-rights", "social-inclusion"],
        30,
        [("2027-09-01", "2027-10-15")],
        True,
        HostingOffer.Status.SCHEDULED,
        "Anna Lindqvist",
        "anna.lindqvist@orebro.example",
    ),
    (
        "boras",
        "boras",
        ["group_visit", "placement"],
        ["urban-planning", "environment-and-climate"],
        25,
        [("2027-09-06", "2027-09-30")],
        True,
        HostingOffer.Status.SCHEDULED,
        "Johan Berg",
        "johan.berg@boras.example",
    ),
    (
        "horby",
        "horby",
        ["placement"],
        ["human-rights", "children-and-youth"],
        4,
        [("2027-09-20", "2027-10-01")],
        True,
        HostingOffer.Status.ACCEPTED,
        "Karin Persson",
        "karin.persson@horby.example",
    ),
    (
        "skelleftea",
        "skelleftea",
        ["placement"],
        ["human-rights", "social-inclusion"],
        4,
        [("2027-09-27", "2027-10-01")],
        False,
        HostingOffer.Status.IN_REVIEW,
        "Erik Lundström",
        "erik.lundstrom@skelleftea.example",
    ),
    (
        "gotland",
        "region-gotland",
        ["group_visit"],
        ["public-health", "gender-equality"],
        30,
        [("2027-09-06", "2027-09-10"), ("2027-10-11", "2027-10-15")],
        True,
        HostingOffer.Status.NEW,
        "Maria Hellström",
        "maria.hellstrom@gotland.example",
    ),
    (
        "umea",
        "umea",
        ["group_visit", "placement"],
        ["gender-equality", "citizen-participation"],
        25,
        [("2027-09-06", "2027-09-24")],
        True,
        HostingOffer.Status.NEW,
        "Sara Nilsson",
        "sara.nilsson@umea.example",
    ),
]

# (offer key or None, host slug, programme slug, intake start, kind, first, last, visitors,
#  status, listed)
VISITS = [
    (
        "boras",
        "boras",
        "symbiocity-urban-development",
        "2024-02-12",
        "placement",
        "2024-09-19",
        "2024-09-20",
        4,
        ScheduledVisit.Status.COMPLETED,
        True,
    ),
    (
        "orebro",
        "orebro",
        "local-governance-rights-based-approach",
        "2025-03-10",
        "group_visit",
        "2025-09-24",
        "2025-09-24",
        25,
        ScheduledVisit.Status.COMPLETED,
        True,
    ),
    (
        "horby",
        "horby",
        "local-governance-rights-based-approach",
        "2025-03-10",
        "placement",
        "2025-09-29",
        "2025-09-30",
        3,
        ScheduledVisit.Status.COMPLETED,
        True,
    ),
    (
        "skelleftea",
        "skelleftea",
        "local-governance-rights-based-approach",
        "2025-03-10",
        "placement",
        "2025-09-29",
        "2025-09-30",
        3,
        ScheduledVisit.Status.COMPLETED,
        False,
    ),
    (
        "gotland",
        "region-gotland",
        "womens-political-leadership",
        "2025-01-27",
        "group_visit",
        "2025-09-09",
        "2025-09-09",
        25,
        ScheduledVisit.Status.COMPLETED,
        True,
    ),
    (
        "umea",
        "umea",
        "womens-political-leadership",
        "2026-01-26",
        "group_visit",
        "2026-09-10",
        "2026-09-10",
        25,
        ScheduledVisit.Status.CONFIRMED,
        True,
    ),
    (
        "orebro",
        "orebro",
        "local-governance-rights-based-approach",
        "2027-03-08",
        "group_visit",
        "2027-09-22",
        "2027-09-22",
        25,
        ScheduledVisit.Status.CONFIRMED,
        True,
    ),
    (
        "boras",
        "boras",
        "symbiocity-urban-development",
        "2027-02-15",
        "placement",
        "2027-09-16",
        "2027-09-17",
        3,
        ScheduledVisit.Status.PROPOSED,
        True,
    ),
]


def seed(stdout) -> None:
    countries = {c.code: c for c in Country.objects.all()}
    themes = {t.slug: t for t in Theme.objects.all()}
    intakes_by_key: dict[tuple[str, str], Intake] = {}
    for data in PROGRAMMES:
        fields = {
            k: v for k, v in data.items() if k not in ("slug", "countries", "themes", "intakes")
        }
        fields.setdefault("format_description_sv", STANDARD_PHASES_TEXT["sv"])
        fields.setdefault("format_description_en", STANDARD_PHASES_TEXT["en"])
        application = APPLICATION.get(data["slug"], {})
        fields["contact_email"] = application.get("contact_email", CONTACT)
        fields["contact_name"] = application.get("contact_name", "ICLD")
        for key in ("application_period", "who_may_apply"):
            for code in ("sv", "en"):
                fields[f"{key}_{code}"] = application.get(f"{key}_{code}", "")
        for code in ("sv", "en"):
            fields[f"application_url_{code}"] = application.get(f"application_url_{code}", "")
        if not (fields["application_url_sv"] or fields["application_url_en"]):
            fields["application_url_sv"], fields["application_url_en"] = (
                ITP_PAGE["sv"],
                ITP_PAGE["en"],
            )
        fields["is_published"] = True
        fields["meta_description_sv"] = data["summary_sv"][:300]
        fields["meta_description_en"] = data["summary_en"][:300]
        programme = upsert(Programme, {"slug": data["slug"]}, fields)
        set_related(
            programme.eligible_countries,
            [countries[c] for c in data["countries"] if c in countries],
        )
        set_related(programme.themes, [themes[t] for t in data["themes"] if t in themes])
        for intake_data in data["intakes"]:
            start, end = map(D, intake_data["dates"])
            opens, closes = map(D, intake_data["apply"])
            intake = upsert(
                Intake,
                {"programme": programme, "starts_on": start},
                {
                    "name_sv": intake_data["name_sv"],
                    "name_en": intake_data["name_en"],
                    "ends_on": end,
                    "participants": intake_data.get("participants", 25),
                    "application_opens_on": opens,
                    "application_closes_on": closes,
                },
            )
            intakes_by_key[(programme.slug, start.isoformat())] = intake
            for kind, p_start, p_end, place_sv, place_en in intake_data["phases"]:
                upsert(
                    Phase,
                    {"intake": intake, "starts_on": D(p_start)},
                    {
                        "kind": kind,
                        "ends_on": D(p_end),
                        "place_sv": place_sv,
                        "place_en": place_en,
                    },
                )

    organisations = {
        o.slug: o for o in Organisation.objects.filter(slug__in={offer[1] for offer in OFFERS})
    }
    offers: dict[str, HostingOffer] = {}
    consent_at = timezone.make_aware(datetime(2026, 10, 5, 10, 0))
    for (
        key,
        org_slug,
        kinds,
        offer_themes,
        capacity,
        periods,
        listed,
        status,
        contact,
        email,
    ) in OFFERS:
        organisation = organisations.get(org_slug)
        if organisation is None:
            continue
        offer = upsert(
            HostingOffer,
            {"submission_token": uuid.uuid5(TOKEN_NAMESPACE, key)},
            {
                "organisation": organisation,
                "contact_name": contact,
                "contact_role": "Internationell samordnare",
                "email": email,
                "phone": "010-123 45 67",
                "hosting_kinds": kinds,
                "capacity": capacity,
                "languages": ["sv", "en"],
                "accessibility": HostingOffer.Accessibility.STEP_FREE,
                "may_be_listed": listed,
                "consent_at": consent_at,
                "language": "sv",
                "status": status,
            },
        )
        set_related(offer.themes, [themes[t] for t in offer_themes if t in themes])
        for p_start, p_end in periods:
            upsert(HostingPeriod, {"offer": offer, "starts_on": D(p_start)}, {"ends_on": D(p_end)})
        offers[key] = offer

    for (
        offer_key,
        _host_slug,
        programme_slug,
        intake_start,
        kind,
        first,
        last,
        visitors,
        status,
        listed,
    ) in VISITS:
        offer = offers.get(offer_key)
        intake = intakes_by_key.get((programme_slug, intake_start))
        if offer is None or intake is None:
            continue
        upsert(
            ScheduledVisit,
            {"host": offer.organisation, "starts_on": D(first)},
            {
                "intake": intake,
                "offer": offer,
                "kind": kind,
                "ends_on": D(last),
                "participants": visitors,
                "status": status,
                "host_may_be_listed": listed,
                "contact_name": offer.contact_name,
                "contact_email": offer.email,
                "contact_language": "sv",
            },
        )
    stdout.write(
        f"Programmes: {len(PROGRAMMES)} programmes, {len(offers)} hosting offers, "
        f"{len(VISITS)} visits."
    )
