"""Demo content for the knowledge centre: publications, authors, research calls and events.

Idempotent: items are matched on their slugs and saved only when something
differs, files are generated only when missing, so running it twice changes
nothing. The PDFs and cover images are generated here (small but valid files),
not committed. "Today" in the demo is late November 2026.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile

from core.images import image_create
from demo.helpers import is_tagged_pdf, make_cover_png, make_pdf, set_related, upsert
from knowledge.models import CallDocument, Event, Person, Publication, Registration, ResearchCall
from knowledge.services import publication_set_authors
from reference.models import Country, Organisation, Theme

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def at(year, month, day, hour=0, minute=0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=STOCKHOLM)


PEOPLE = {
    # key: (given names, family name, affiliation, ORCID)
    "dellnas": ("A.", "Dellnäs", "ICLD", ""),
    "jorgensen": ("B.", "Jörgensen", "", ""),
    "jendal": ("J.", "Jendal", "", ""),
    "zapata": ("María José", "Zapata", "University of Gothenburg", ""),
    "wanjiru": ("Amina", "Wanjiru", "University of Nairobi", "0000-0002-1825-0097"),
    "bergstrom": ("Lars", "Bergström", "Umeå University", "0000-0001-5109-3700"),
    "moyo": ("Thandiwe", "Moyo", "Midlands State University", ""),
    "mwale": ("Chanda", "Mwale", "University of Zambia", ""),
    "lindqvist": ("Karin", "Lindqvist", "Lund University", "0000-0003-1415-9269"),
    "morales": ("Lucía", "Morales", "Universidad de San Carlos de Guatemala", ""),
    "petrovic": ("Milan", "Petrović", "University of Belgrade", ""),
    "kiprono": ("Daniel", "Kiprono", "Moi University", ""),
    "nilsson": ("Eva", "Nilsson", "ICLD", ""),
}

PUBLICATIONS = [
    {
        "slug": "visby-2010-proceedings",
        "type": Publication.Type.CONFERENCE_REPORT,
        "year": 2011,
        "created": at(2011, 5, 2),
        "title_sv": "Konferensrapport: State of the Art of Local Governance – utmaningar för "
        "nästa decennium",
        "title_en": "Proceedings of the Workshop State of the Art of Local Governance – "
        "Challenges for the Next Decade",
        "abstract_sv": "I april 2010 samlade ICLD forskare och beslutsfattare i Visby för att "
        "sammanfatta "
        "decennier av decentraliseringsarbete och peka ut de viktigaste frågorna för "
        "lokal demokrati och lokalt självstyre under det kommande decenniet. Rapporten "
        "återger föredragen och diskussionerna.",
        "abstract_en": "In April 2010 ICLD brought researchers and decision makers together in "
        "Visby to "
        "take stock of decades of decentralisation reforms and to name the policy issues "
        "for local democracy and local self-government in the coming decade. The "
        "proceedings collect the papers and the discussions.",
        "languages": ["en"],
        "authors": ["dellnas", "jorgensen", "jendal"],
        "themes": ["democratic-resilience", "transparency-and-accountability"],
        "countries": [],
        "cover": (11, 79, 108),
        "isbn": "978-91-86725-01-3",
    },
    {
        "slug": "visby-2010-policy-brief",
        "type": Publication.Type.POLICY_BRIEF,
        "year": 2011,
        "created": at(2011, 5, 3),
        "title_sv": "Lokalt styre efter decentraliseringen: policyslutsatser från Visby 2010",
        "title_en": "Local governance after decentralisation: policy conclusions from Visby 2010",
        "abstract_sv": "En kort sammanfattning av slutsatserna från Visbykonferensen: kommunerna "
        "behöver egna resurser, tydligt ansvar och medborgare som kan utkräva ansvar.",
        "abstract_en": "A short summary of the Visby conference's conclusions: local governments "
        "need "
        "their own revenue, clear mandates and citizens who can hold them to account.",
        "languages": ["sv", "en"],
        "authors": ["dellnas", "jorgensen", "jendal"],
        "themes": ["transparency-and-accountability"],
        "countries": [],
    },
    {
        "slug": "inclusive-political-leadership-urban-poor",
        "type": Publication.Type.RESEARCH_REPORT,
        "year": 2017,
        "created": at(2017, 3, 14),
        "title_sv": "Inkluderande politiskt ledarskap i fattiga stadsdelar",
        "title_en": "Inclusive political leadership in poor urban areas",
        "abstract_sv": "Hur kan lokala politiker och gräsrotsorganisationer i informella "
        "bosättningar "
        "arbeta tillsammans? Rapporten följer samarbeten i Kenya, Zambia och Sydafrika "
        "och visar hur delaktighet ger bättre beslut om vatten, sanitet och bostäder.",
        "abstract_en": "How can local politicians and grassroots organisations in informal "
        "settlements "
        "work together? The report follows cooperation in Kenya, Zambia and South Africa "
        "and shows how participation leads to better decisions on water, sanitation "
        "and housing.",
        "languages": ["en"],
        "authors": ["zapata"],
        "themes": ["citizen-participation", "social-inclusion", "urban-planning"],
        "countries": ["KE", "ZM", "ZA"],
        "cover": (29, 107, 53),
    },
    {
        "slug": "country-brief-kenya",
        "type": Publication.Type.OTHER,
        "year": 2019,
        "created": at(2019, 5, 31),
        "title_sv": "ICLD landöversikt: Kenya",
        "title_en": "ICLD Country Brief: Kenya",
        "abstract_sv": "Kenyas decentraliserade styrelseskick efter 2010 års konstitution: 47 "
        "counties, "
        "deras uppgifter, finansiering och möjligheter till medborgardeltagande.",
        "abstract_en": "Kenya's devolved system of government since the 2010 constitution: 47 "
        "counties, "
        "their functions, funding and the room for public participation.",
        "languages": ["en"],
        "authors": ["nilsson"],
        "themes": ["citizen-participation"],
        "countries": ["KE"],
    },
    {
        "slug": "country-brief-tanzania",
        "type": Publication.Type.OTHER,
        "year": 2019,
        "created": at(2019, 5, 31, 1),
        "title_sv": "ICLD landöversikt: Tanzania",
        "title_en": "ICLD Country Brief: Tanzania",
        "abstract_sv": "Lokalt självstyre i Tanzania: kommunernas ansvar, ekonomi och relation "
        "till "
        "centralregeringen.",
        "abstract_en": "Local self-government in Tanzania: the responsibilities and finances of "
        "local "
        "government authorities and their relation to central government.",
        "languages": ["en"],
        "authors": ["nilsson"],
        "themes": ["local-economic-development"],
        "countries": ["TZ"],
    },
    {
        "slug": "country-brief-serbia",
        "type": Publication.Type.OTHER,
        "year": 2019,
        "created": at(2019, 5, 31, 2),
        "title_sv": "ICLD landöversikt: Serbien",
        "title_en": "ICLD Country Brief: Serbia",
        "abstract_sv": "Serbiens kommuner och städer: uppgifter, finansiering och EU-anpassningens "
        "betydelse för lokal demokrati.",
        "abstract_en": "Serbia's municipalities and cities: functions, finances and what EU "
        "accession "
        "means for local democracy.",
        "languages": ["en"],
        "authors": ["nilsson"],
        "themes": ["transparency-and-accountability"],
        "countries": ["RS"],
    },
    {
        "slug": "participatory-budgeting-zambia",
        "type": Publication.Type.WORKING_PAPER,
        "year": 2021,
        "created": at(2021, 9, 20),
        "title_sv": "Medborgarbudget i zambiska kommuner",
        "title_en": "Participatory budgeting in Zambian local authorities",
        "abstract_sv": "Arbetsrapporten jämför tre zambiska kommuner som låtit invånarna "
        "prioritera "
        "en del av investeringsbudgeten och analyserar vilka grupper som deltog.",
        "abstract_en": "The working paper compares three Zambian local authorities that let "
        "residents "
        "prioritise part of the capital budget, and analyses which groups took part.",
        "languages": ["en"],
        "authors": ["mwale", "bergstrom"],
        "themes": ["citizen-participation", "local-economic-development"],
        "countries": ["ZM"],
    },
    {
        "slug": "child-and-youth-participation-partnerships",
        "type": Publication.Type.POLICY_BRIEF,
        "year": 2022,
        "created": at(2022, 6, 20),
        "title_sv": "Barns och ungas inflytande i kommunala partnerskap",
        "title_en": "Children and youth participation in municipal partnerships",
        "abstract_sv": "Erfarenheter från partnerskap i Botswana, Sydafrika och Sverige: "
        "ungdomsråd, "
        "skolval och medborgardialoger där barn och unga får verkligt inflytande över "
        "kommunernas beslut.",
        "abstract_en": "Lessons from partnerships in Botswana, South Africa and Sweden: youth "
        "councils, "
        "school elections and consultations in which children and young people gain "
        "real influence over municipal decisions.",
        "languages": ["sv", "en"],
        "authors": ["lindqvist", "moyo"],
        "themes": ["children-and-youth", "citizen-participation"],
        "countries": ["BW", "ZA"],
        "cover": (179, 38, 30),
    },
    {
        "slug": "youth-councils-botswana",
        "type": Publication.Type.WORKING_PAPER,
        "year": 2023,
        "created": at(2023, 11, 2),
        "title_sv": "Ungdomsråd och lokalt beslutsfattande i Botswana",
        "title_en": "Youth councils and local decision-making in Botswana",
        "abstract_sv": "Hur påverkar ungdomsråd besluten i botswanska distriktsråd? Studien "
        "bygger på "
        "intervjuer med ledamöter, tjänstepersoner och unga i Ghanzi och Chobe.",
        "abstract_en": "Do youth councils change decisions in Botswana's district councils? The "
        "study "
        "draws on interviews with councillors, officials and young people in Ghanzi "
        "and Chobe.",
        "languages": ["en"],
        "authors": ["moyo"],
        "themes": ["children-and-youth"],
        "countries": ["BW"],
    },
    {
        "slug": "climate-action-east-african-cities",
        "type": Publication.Type.POLICY_BRIEF,
        "year": 2024,
        "created": at(2024, 4, 8),
        "title_sv": "Klimatarbete i östafrikanska städer: vad kommunerna kan göra",
        "title_en": "Climate action in East African cities: what local governments can do",
        "abstract_sv": "Översvämningar och torka drabbar de fattigaste invånarna först. "
        "Policyrapporten "
        "visar hur kommuner i Kenya, Tanzania och Uganda kan planera för klimatanpassning "
        "tillsammans med invånarna.",
        "abstract_en": "Floods and droughts hit the poorest residents first. The brief shows how "
        "local "
        "governments in Kenya, Tanzania and Uganda can plan climate adaptation together "
        "with their residents.",
        "languages": ["en"],
        "authors": ["wanjiru", "kiprono"],
        "themes": ["environment-and-climate", "citizen-participation"],
        "countries": ["KE", "TZ", "UG"],
    },
    {
        "slug": "municipal-partnerships-as-learning",
        "type": Publication.Type.RESEARCH_REPORT,
        "year": 2024,
        "created": at(2024, 9, 16),
        "title_sv": "Kommunala partnerskap som lärande: erfarenheter från femton år",
        "title_en": "Municipal partnerships as learning: fifteen years of experience",
        "abstract_sv": "Vad lär sig svenska kommuner och regioner av sina partnerskap? Rapporten "
        "bygger "
        "på enkäter och intervjuer med samordnare i kommunerna och visar att "
        "partnerskapen utvecklar den egna verksamheten, särskilt medborgardialog och "
        "jämställdhetsarbete.",
        "abstract_en": "What do Swedish municipalities and regions learn from their partnerships? "
        "Based "
        "on surveys and interviews with municipal coordinators, the report finds that "
        "partnerships develop the municipalities' own work, especially citizen dialogue "
        "and gender equality.",
        "languages": ["sv"],
        "authors": ["bergstrom", "lindqvist"],
        "themes": ["citizen-participation", "gender-equality"],
        "countries": [],
        "organisations": ["vara", "borlange"],
    },
    {
        "slug": "women-councillors-colombia-guatemala",
        "type": Publication.Type.RESEARCH_REPORT,
        "year": 2025,
        "created": at(2025, 10, 6),
        "title_sv": "Jämställdhet i lokalpolitiken: kvinnliga fullmäktigeledamöter i Colombia och "
        "Guatemala",
        "title_en": "Gender equality in local politics: women councillors in Colombia and "
        "Guatemala",
        "abstract_sv": "Kvinnor är fortfarande en minoritet i kommunfullmäktige i Colombia och "
        "Guatemala. "
        "Rapporten undersöker hindren, från nomineringar till hot och trakasserier, och "
        "vad kommunerna själva kan göra.",
        "abstract_en": "Women remain a minority on municipal councils in Colombia and Guatemala. "
        "The "
        "report examines the barriers, from nominations to threats and harassment, and "
        "what municipalities themselves can do.",
        "languages": ["es", "en"],
        "authors": ["morales", "lindqvist"],
        "themes": ["gender-equality", "human-rights"],
        "countries": ["CO", "GT"],
        "doi": "10.5281/zenodo.1234567",
    },
    {
        "slug": "local-democracy-in-times-of-crisis",
        "type": Publication.Type.ANTHOLOGY,
        "year": 2026,
        "created": at(2026, 11, 10),
        "title_sv": "Lokal demokrati i kristider",
        "title_en": "Local democracy in times of crisis",
        "abstract_sv": "Antologin samlar forskning från ICLD:s nätverk om hur kommuner och "
        "regioner "
        "möter pandemier, krig, klimatkris och demokratisk tillbakagång, och hur lokal "
        "demokrati kan göra samhällen mer motståndskraftiga.",
        "abstract_en": "The anthology brings together research from ICLD's networks on how "
        "municipalities and regions face pandemics, war, the climate crisis and "
        "democratic backsliding, and how local democracy makes communities more "
        "resilient.",
        "languages": ["en"],
        "authors": ["wanjiru", "petrovic", "bergstrom", "morales"],
        "themes": ["democratic-resilience", "environment-and-climate", "human-rights"],
        "countries": ["UA", "RS", "KE", "CO"],
        "cover": (7, 50, 70),
        "isbn": "978-91-86725-99-0",
    },
]

CALLS = [
    {
        "slug": "research-call-2027-local-democracy-in-times-of-crisis",
        "opens_at": at(2026, 11, 2, 9),
        "closes_at": at(2027, 2, 15, 23, 59),
        "created": at(2026, 11, 2, 9),
        "title_sv": "Forskningsutlysning 2027: Från lokalt till globalt – lokal demokrati i "
        "kristider",
        "title_en": "Call for research proposals 2027: From local to global – local democracy in "
        "times of crisis",
        "summary_sv": "ICLD söker forskningsprojekt om hur lokal demokrati kan stärkas i tider av "
        "kris, "
        "inom klimatarbete, demokratisk motståndskraft, jämlik hälsa, jämställdhet, "
        "mänskliga rättigheter och barns och ungas inflytande.",
        "summary_en": "ICLD invites research projects on how local democracy can be strengthened "
        "in "
        "times of crisis: climate action, democratic resilience, equitable health, gender "
        "equality, human rights, and the inclusion of children and youth.",
        "description_sv": "<p>Projekten ska vara relevanta för lokala och regionala politiker och "
        "tjänstepersoner i ICLD:s samarbetsländer och gärna genomföras tillsammans "
        "med kommuner.</p><p>Ansökan görs i ICLD:s ansökningsportal.</p>",
        "description_en": "<p>Projects must be relevant to local and regional politicians and "
        "officials "
        "in ICLD's partner countries and are preferably carried out together with "
        "local governments.</p><p>Apply through ICLD's application portal.</p>",
        "eligibility_sv": "<ul><li>Forskare med doktorsexamen vid ett universitet i Sverige eller "
        "i ett "
        "av ICLD:s samarbetsländer</li><li>Forskargrupper med deltagare från minst "
        "två länder prioriteras</li></ul>",
        "eligibility_en": "<ul><li>Researchers with a PhD at a university in Sweden or in one of "
        "ICLD's "
        "partner countries</li><li>Teams with members from at least two countries "
        "are given priority</li></ul>",
        "amount_sv": "Upp till 1 miljon kronor per projekt",
        "amount_en": "Up to SEK 1 million per project",
        "max": 1_000_000,
        "themes": [
            "democratic-resilience",
            "environment-and-climate",
            "gender-equality",
            "human-rights",
            "children-and-youth",
        ],
        "document": ("Utlysningstext", "Call text"),
    },
    {
        "slug": "fieldwork-grants-2027",
        "opens_at": at(2027, 1, 15, 9),
        "closes_at": at(2027, 3, 15, 23, 59),
        "created": at(2026, 11, 20, 9),
        "title_sv": "Fältarbetsstipendier för studenter 2027",
        "title_en": "Fieldwork grants for students 2027",
        "summary_sv": "Stipendier för master- och doktorandstudenter som gör fältarbete om lokal "
        "demokrati i något av ICLD:s samarbetsländer.",
        "summary_en": "Grants for master's and doctoral students doing fieldwork on local "
        "democracy in "
        "one of ICLD's partner countries.",
        "description_sv": "<p>Stipendiet täcker resa och uppehälle under fältarbetet.</p>",
        "description_en": "<p>The grant covers travel and living costs during the fieldwork.</p>",
        "eligibility_sv": "",
        "eligibility_en": "",
        "amount_sv": "Upp till 30 000 kronor",
        "amount_en": "Up to SEK 30,000",
        "max": 30_000,
        "themes": [],
    },
    {
        "slug": "impact-research-2022",
        "opens_at": at(2022, 6, 20, 9),
        "closes_at": at(2022, 8, 18, 23, 59),
        "created": at(2022, 6, 20, 9),
        "title_sv": "Utlysning: påverkansforskning om lokal demokrati",
        "title_en": "Call for impact research proposals on local democracy",
        "summary_sv": "Små pilotprojekt som svarar på en utmaning som en kommun tog upp vid Local "
        "Democracy Labs den 8 juni 2022.",
        "summary_en": "Small pilot projects answering a challenge a local government raised at the "
        "Local Democracy Labs on 8 June 2022.",
        "description_sv": "<p>Utmaningarna kom bland annat från Muranga, Chobe, Livingstone, "
        "Kinondoni, "
        "Victoria Falls, Jinja och Vushtrri.</p>",
        "description_en": "<p>Challenges came from, among others, Muranga, Chobe, Livingstone, "
        "Kinondoni, Victoria Falls, Jinja and Vushtrri.</p>",
        "eligibility_sv": "<p>Forskare som deltog i Local Democracy Labs 2022.</p>",
        "eligibility_en": "<p>Researchers who took part in the Local Democracy Labs 2022.</p>",
        "amount_sv": "",
        "amount_en": "",
        "max": None,
        "themes": ["citizen-participation"],
    },
    {
        "slug": "policy-relevant-research-2019",
        "opens_at": at(2019, 6, 10, 9),
        "closes_at": at(2019, 9, 20, 23, 59),
        "created": at(2019, 6, 10, 9),
        "title_sv": "Utlysning: policyrelevant forskning om lokal demokrati",
        "title_en": "Call for Policy Relevant Research Proposals on Local Democracy",
        "summary_sv": "Forskningsprojekt om lokal demokrati med tydlig relevans för "
        "beslutsfattare.",
        "summary_en": "Research projects on local democracy with clear relevance for policy "
        "makers.",
        "description_sv": "<p>Högst 6 miljoner kronor fördelas totalt.</p>",
        "description_en": "<p>At most SEK 6 million is awarded in total.</p>",
        "eligibility_sv": "",
        "eligibility_en": "",
        "amount_sv": "Upp till 1 miljon kronor per projekt",
        "amount_en": "Up to SEK 1 million per project",
        "max": 1_000_000,
        "themes": [],
    },
]

EVENTS = [
    {
        "slug": "seminar-local-democracy-in-times-of-crisis",
        "kind": Event.Kind.SEMINAR,
        "starts_at": at(2026, 12, 9, 13),
        "ends_at": at(2026, 12, 9, 15),
        "title_sv": "Seminarium: Lokal demokrati i kristider",
        "title_en": "Seminar: Local democracy in times of crisis",
        "summary_sv": "Lansering av ICLD:s nya antologi. Forskare och kommunpolitiker samtalar om "
        "hur "
        "kommuner kan värna demokratin när kriserna avlöser varandra.",
        "summary_en": "Launch of ICLD's new anthology. Researchers and local politicians discuss "
        "how "
        "municipalities can protect democracy when one crisis follows another.",
        "description_sv": "<p>Seminariet hålls på svenska och engelska. Kaffe serveras från "
        "12.30.</p>",
        "description_en": "<p>The seminar is held in Swedish and English. Coffee is served from "
        "12.30.</p>",
        "venue_sv": "Sveriges Kommuner och Regioner, Hornsgatan 20",
        "venue_en": "Swedish Association of Local Authorities and Regions, Hornsgatan 20",
        "city": "Stockholm",
        "online_url": "",
        "language": Event.Language.BOTH,
        "capacity": 60,
        "deadline": at(2026, 12, 7, 12),
        "speakers": ["wanjiru", "bergstrom"],
        "themes": ["democratic-resilience"],
        "countries": ["UA", "KE"],
        "organisations": ["vara", "borlange"],
    },
    {
        "slug": "webinar-women-in-local-politics",
        "kind": Event.Kind.WEBINAR,
        "starts_at": at(2027, 1, 21, 15),
        "ends_at": at(2027, 1, 21, 16, 30),
        "title_sv": "Webbinarium: Kvinnor i lokalpolitiken – lärdomar från Colombia och Guatemala",
        "title_en": "Webinar: Women in local politics – lessons from Colombia and Guatemala",
        "summary_sv": "Forskarna bakom ICLD:s nya rapport presenterar sina resultat, följt av "
        "frågor.",
        "summary_en": "The researchers behind ICLD's new report present their findings, followed "
        "by "
        "questions.",
        "description_sv": "",
        "description_en": "",
        "venue_sv": "",
        "venue_en": "",
        "city": "",
        "online_url": "https://meet.example.org/icld-women-in-local-politics",
        "language": Event.Language.ENGLISH,
        "capacity": 200,
        "deadline": None,
        "speakers": ["morales", "lindqvist"],
        "themes": ["gender-equality"],
        "countries": ["CO", "GT"],
        "organisations": ["borlange"],
    },
    {
        "slug": "workshop-writing-policy-briefs",
        "kind": Event.Kind.WORKSHOP,
        "starts_at": at(2027, 2, 10, 9),
        "ends_at": at(2027, 2, 10, 16),
        "title_sv": "Workshop: Att skriva policyrapporter för kommuner",
        "title_en": "Workshop: Writing policy briefs for local governments",
        "summary_sv": "En heldag för forskare i ICLD:s nätverk: hur forskningsresultat blir "
        "användbara "
        "för politiker och tjänstepersoner.",
        "summary_en": "A full day for researchers in ICLD's networks: turning research findings "
        "into "
        "something politicians and officials can use.",
        "description_sv": "<p>Ta med ett eget utkast. Lunch ingår.</p>",
        "description_en": "<p>Bring a draft of your own. Lunch is included.</p>",
        "venue_sv": "ICLD, Hästgatan 1",
        "venue_en": "ICLD, Hästgatan 1",
        "city": "Visby",
        "online_url": "",
        "language": Event.Language.ENGLISH,
        "capacity": 3,
        "deadline": at(2027, 2, 1, 12),
        "speakers": ["nilsson"],
        "themes": ["citizen-participation"],
        "countries": [],
        "registrations": [
            ("Sara Ek", "sara.ek@example.org"),
            ("John Mbeki", "john.m@example.org"),
            ("Ana López", "ana.lopez@example.org"),
            ("Peter Olsson", "p.olsson@example.org"),
        ],
    },
    {
        "slug": "lda-2024-lund",
        "kind": Event.Kind.CONFERENCE,
        "starts_at": at(2024, 8, 26, 9),
        "ends_at": at(2024, 8, 30, 16),
        "title_sv": "Local Democracy Academy 2024, Lund",
        "title_en": "Local Democracy Academy 2024, Lund",
        "summary_sv": "En intensiv vecka för forskare från hela världen, tillsammans med Lunds "
        "universitet och Lunds kommun.",
        "summary_en": "An intensive week for researchers from around the world, with Lund "
        "University "
        "and the Municipality of Lund.",
        "description_sv": "<p>Bland passen fanns “Local Solutions, Global Impact”, “Co-creation "
        "and "
        "Inclusive Governance” och “The Case for Democracy”.</p>",
        "description_en": "<p>Sessions included “Local Solutions, Global Impact”, “Co-creation and "
        "Inclusive Governance” and “The Case for Democracy”.</p>",
        "venue_sv": "Lunds universitet",
        "venue_en": "Lund University",
        "city": "Lund",
        "online_url": "",
        "language": Event.Language.ENGLISH,
        "capacity": 70,
        "deadline": None,
        "speakers": ["lindqvist"],
        "themes": ["democratic-resilience", "citizen-participation"],
        "countries": [],
    },
    {
        "slug": "lda-2022-visby",
        "kind": Event.Kind.CONFERENCE,
        "starts_at": at(2022, 6, 6, 9),
        "ends_at": at(2022, 6, 10, 15),
        "title_sv": "Local Democracy Academy 2022, Visby",
        "title_en": "Local Democracy Academy 2022, Visby",
        "summary_sv": "”Transformative local governments: bringing people and politics together”. "
        "Omkring 70 forskare från 30 länder i åtta tematiska spår.",
        "summary_en": "“Transformative local governments: bringing people and politics together”. "
        "About 70 researchers from 30 countries in eight thematic streams.",
        "description_sv": "",
        "description_en": "",
        "venue_sv": "Almedalsbiblioteket",
        "venue_en": "Almedalen Library",
        "city": "Visby",
        "online_url": "",
        "language": Event.Language.ENGLISH,
        "capacity": 70,
        "deadline": None,
        "speakers": [],
        "themes": ["environment-and-climate", "gender-equality", "public-health"],
        "countries": [],
    },
    {
        "slug": "visby-2010-state-of-the-art-of-local-governance",
        "kind": Event.Kind.CONFERENCE,
        "starts_at": at(2010, 4, 29, 9),
        "ends_at": at(2010, 4, 30, 16),
        "title_sv": "Visbykonferensen 2010: State of the Art of Local Governance",
        "title_en": "Visby conference 2010: State of the Art of Local Governance",
        "summary_sv": "Akademiker och beslutsfattare sammanfattade decennier av "
        "decentraliseringsarbete "
        "och pekade ut frågorna för nästa decennium.",
        "summary_en": "Academics and decision makers took stock of decades of decentralisation "
        "work and "
        "named the policy issues for the next decade.",
        "description_sv": "",
        "description_en": "",
        "venue_sv": "Visby",
        "venue_en": "Visby",
        "city": "",
        "online_url": "",
        "language": Event.Language.ENGLISH,
        "capacity": None,
        "deadline": None,
        "speakers": ["dellnas"],
        "themes": ["transparency-and-accountability"],
        "countries": [],
        "registration_enabled": False,
    },
]


def _seed_people() -> dict[str, Person]:
    people = {}
    for key, (given, family, affiliation, orcid) in PEOPLE.items():
        people[key] = upsert(
            Person,
            {"given_names": given, "family_name": family},
            {"affiliation": affiliation, "orcid": orcid},
        )
    return people


def _seed_publications(people, themes, countries) -> int:
    organisations = {o.slug: o for o in Organisation.objects.filter(slug__in=["vara", "borlange"])}
    for item in PUBLICATIONS:
        publication = upsert(
            Publication,
            {"slug": item["slug"]},
            {
                "type": item["type"],
                "year": item["year"],
                "created_at": item["created"],
                "is_published": True,
                "published_at": item["created"],
                "title_sv": item["title_sv"],
                "title_en": item["title_en"],
                "abstract_sv": item["abstract_sv"],
                "abstract_en": item["abstract_en"],
                "document_languages": item["languages"],
                "doi": item.get("doi", ""),
                "isbn": item.get("isbn", ""),
            },
        )
        publication_set_authors(
            publication=publication, people=[people[k] for k in item["authors"]]
        )
        set_related(publication.themes, [themes[s] for s in item["themes"] if s in themes])
        set_related(
            publication.countries, [countries[c] for c in item["countries"] if c in countries]
        )
        set_related(
            publication.organisations,
            [organisations[s] for s in item.get("organisations", []) if s in organisations],
        )
        if _needs_pdf(publication.file):
            publication.file.save(
                f"{item['slug']}.pdf",
                ContentFile(_publication_pdf(item, [people[k] for k in item["authors"]])),
                save=False,
            )
            publication.save(update_fields=["file"])
        if item.get("cover") and publication.cover is None:
            publication.cover = _cover_image(item)
            publication.save(update_fields=["cover"])
    return len(PUBLICATIONS)


def _needs_pdf(field) -> bool:
    """No file yet, a file gone missing, or an untagged one from an earlier demo."""
    if not field or not field.storage.exists(field.name):
        return True
    with field.storage.open(field.name, "rb") as handle:
        return not is_tagged_pdf(handle.read())


# Demo text of a PDF in the language it is written in.
DEMO_LINES = {
    "sv": ("ICLD - Internationellt centrum för lokal demokrati", "Demodokument för ICLD-portalen."),
    "en": (
        "ICLD - Swedish International Centre for Local Democracy",
        "Demo document generated for the ICLD portal.",
    ),
}


def _publication_pdf(item: dict, authors: list[Person]) -> bytes:
    """A tagged PDF in the document's own language: its title, authors and /Lang."""
    languages = item["languages"]
    language = "sv" if languages[0] == "sv" else "en" if "en" in languages else languages[0]
    lines = DEMO_LINES.get(language, DEMO_LINES["en"])
    title = item["title_sv"] if language == "sv" else item["title_en"]
    names = ", ".join(person.name for person in authors)
    return make_pdf(
        [title[:70], title[70:140], "", names, str(item["year"]), "", lines[0], lines[1]],
        title=title,
        author=names or "ICLD",
        language=language,
    )


def _cover_image(item: dict):
    """A cover in the image library, with its text alternative in both languages; at twice
    the size it is shown, so screens with dense pixels get a sharp rendition."""
    upload = ContentFile(make_cover_png(item["cover"], width=360, height=508), name="cover.png")
    return image_create(
        file=upload,
        alt_sv=f"Omslaget till {item['title_sv']}",
        alt_en=f"Cover of {item['title_en']}",
    )


def _seed_calls(themes) -> int:
    for item in CALLS:
        call = upsert(
            ResearchCall,
            {"slug": item["slug"]},
            {
                "opens_at": item["opens_at"],
                "closes_at": item["closes_at"],
                "created_at": item["created"],
                "is_published": True,
                "published_at": item["created"],
                "max_amount_sek": item["max"],
                "apply_url": "https://example.org/icld-application-portal",
                **{
                    f"{field}_{lang}": item[f"{field}_{lang}"]
                    for field in ("title", "summary", "description", "eligibility", "amount")
                    for lang in ("sv", "en")
                },
            },
        )
        set_related(call.themes, [themes[s] for s in item["themes"] if s in themes])
        if item.get("document") and not call.documents.exists():
            # Call texts are in English (the documents have no language field).
            title_sv, title_en = item["document"]
            document = CallDocument(call=call, title_sv=title_sv, title_en=title_en)
            document.file.save(
                "call.pdf",
                ContentFile(
                    make_pdf(
                        [item["title_en"][:70], "", "Call text (demo)."],
                        title=title_en,
                        author="ICLD",
                        language="en",
                    )
                ),
                save=True,
            )
    return len(CALLS)


def _seed_events(people, themes, countries) -> int:
    organisations = {o.slug: o for o in Organisation.objects.filter(slug__in=["vara", "borlange"])}
    for item in EVENTS:
        event = upsert(
            Event,
            {"slug": item["slug"]},
            {
                "kind": item["kind"],
                "starts_at": item["starts_at"],
                "ends_at": item["ends_at"],
                "title_sv": item["title_sv"],
                "title_en": item["title_en"],
                "summary_sv": item["summary_sv"],
                "summary_en": item["summary_en"],
                "description_sv": item["description_sv"],
                "description_en": item["description_en"],
                "venue_sv": item["venue_sv"],
                "venue_en": item["venue_en"],
                "city": item["city"],
                "online_url": item["online_url"],
                "language": item["language"],
                "capacity": item["capacity"],
                "registration_deadline": item["deadline"],
                "registration_enabled": item.get("registration_enabled", True),
                "created_at": item["starts_at"] - timedelta(days=60),
                "is_published": True,
                "published_at": item["starts_at"] - timedelta(days=60),
            },
        )
        set_related(event.speakers, [people[k] for k in item["speakers"]])
        set_related(event.themes, [themes[s] for s in item["themes"] if s in themes])
        set_related(event.countries, [countries[c] for c in item["countries"] if c in countries])
        set_related(
            event.organisations,
            [organisations[s] for s in item.get("organisations", []) if s in organisations],
        )
        for position, (name, email) in enumerate(item.get("registrations", [])):
            # Demo sign-ups are written directly: no emails go to example.org addresses.
            full = item["capacity"] is not None and position >= item["capacity"]
            upsert(
                Registration,
                {"event": event, "email": email},
                {
                    "name": name,
                    "consent": True,
                    "language": "en",
                    "status": Registration.Status.WAITING
                    if full
                    else Registration.Status.CONFIRMED,
                    "submission_token": _demo_token(event.slug, email),
                    "created_at": at(2026, 11, 20 + position, 10),
                    "status_changed_at": at(2026, 11, 20 + position, 10),
                },
            )
    return len(EVENTS)


def _demo_token(*parts: str):
    return uuid.uuid5(uuid.NAMESPACE_URL, "icld-demo:" + ":".join(parts))


def seed(stdout) -> None:
    themes = {t.slug: t for t in Theme.objects.all()}
    countries = {c.code: c for c in Country.objects.all()}
    people = _seed_people()
    publications = _seed_publications(people, themes, countries)
    calls = _seed_calls(themes)
    events = _seed_events(people, themes, countries)
    stdout.write(
        f"Knowledge centre: {len(people)} people, {publications} publications, "
        f"{calls} research calls, {events} events."
    )
