# ruff: noqa: E501 - rows of bilingual demo text read better unbroken
"""Demo content for the partnership database: realistic partnerships, networks and stories.

Facts come from the project's domain brief on ICLD: Vara and Huangshan's
work with left-behind children, the Piteå–Chinsali and Norrköping–Bihać grants, the
networks and their countries, Vara ending its cooperation with Huangshan in 2023. The other
pairings are plausible examples in the countries and themes ICLD works with.

Idempotent: rows are matched on slugs and only changed fields are saved. Partnerships and
stories go through the app's services; the interest part is in ``partnerships_interest``.
"""

from __future__ import annotations

from datetime import date

from core.images import renditions
from demo.helpers import upsert
from demo.images import demo_image
from partnerships import services
from partnerships.models import Network
from reference.models import Country, County, Organisation, Theme

L = Organisation.Kind.LOCAL_GOVERNMENT
R = Organisation.Kind.REGIONAL_GOVERNMENT

# slug, kind, country, short name, Swedish name, English name
FOREIGN_ORGANISATIONS = [
    ("huangshan", L, "CN", "Huangshan", "Huangshans stad", "Huangshan City"),
    (
        "oranjemund",
        L,
        "NA",
        "Oranjemund",
        "Oranjemunds stadsfullmäktige",
        "Oranjemund Town Council",
    ),
    ("chinsali", L, "ZM", "Chinsali", "Chinsalis kommunfullmäktige", "Chinsali Municipal Council"),
    (
        "livingstone",
        L,
        "ZM",
        "Livingstone",
        "Livingstones stadsfullmäktige",
        "Livingstone City Council",
    ),
    ("bihac", L, "BA", "Bihać", "Bihać stad", "City of Bihać"),
    ("ghanzi", L, "BW", "Ghanzi", "Ghanzis distriktsfullmäktige", "Ghanzi District Council"),
    ("chobe", L, "BW", "Chobe", "Chobes distriktsfullmäktige", "Chobe District Council"),
    ("vushtrri", L, "XK", "Vushtrri", "Vushtrris kommun", "Municipality of Vushtrri"),
    ("gjilan", L, "XK", "Gjilan", "Gjilans kommun", "Municipality of Gjilan"),
    ("dolyna", L, "UA", "Dolyna", "Dolynas stadsfullmäktige", "Dolyna City Council"),
    ("kajiado", R, "KE", "Kajiado", "Kajiado county", "Kajiado County Government"),
    ("muranga", R, "KE", "Murang'a", "Murang'a county", "Murang'a County Government"),
    ("ngara", L, "TZ", "Ngara", "Ngaras distriktsfullmäktige", "Ngara District Council"),
    (
        "kinondoni",
        L,
        "TZ",
        "Kinondoni",
        "Kinondonis kommunfullmäktige",
        "Kinondoni Municipal Council",
    ),
    ("jinja", L, "UG", "Jinja", "Jinja stad", "Jinja City Council"),
    (
        "victoria-falls",
        L,
        "ZW",
        "Victoria Falls",
        "Victoria Falls kommun",
        "Victoria Falls Municipality",
    ),
    ("jb-marks", L, "ZA", "JB Marks", "JB Marks kommun", "JB Marks Local Municipality"),
    ("musanze", L, "RW", "Musanze", "Musanze distrikt", "Musanze District"),
    ("pasto", L, "CO", "Pasto", "Pastos kommun", "Municipality of Pasto"),
    (
        "quetzaltenango",
        L,
        "GT",
        "Quetzaltenango",
        "Quetzaltenangos kommun",
        "Municipality of Quetzaltenango",
    ),
    ("cahul", L, "MD", "Cahul", "Cahuls stad", "Cahul Town Hall"),
    ("telavi", L, "GE", "Telavi", "Telavis kommun", "Telavi Municipality"),
    ("strumica", L, "MK", "Strumica", "Strumicas kommun", "Municipality of Strumica"),
    (
        "eskisehir",
        L,
        "TR",
        "Eskişehir",
        "Eskişehirs storstadskommun",
        "Eskişehir Metropolitan Municipality",
    ),
    ("surakarta", L, "ID", "Surakarta", "Surakartas stad", "City of Surakarta"),
    (
        "thua-thien-hue",
        R,
        "VN",
        "Thừa Thiên Huế",
        "Provinsen Thừa Thiên Huế",
        "Thừa Thiên Huế Province",
    ),
    ("pemba-mozambique", L, "MZ", "Pemba", "Pembas kommun", "Municipality of Pemba"),
    ("kraljevo", L, "RS", "Kraljevo", "Kraljevos stad", "City of Kraljevo"),
]

# slug, Swedish name, English name, start, end
NETWORKS = [
    ("climate-action", "Nätverk för klimatet", "Network for Climate Action", 2022, 2025),
    ("gender-equality", "Nätverk för jämställdhet", "Network for Gender Equality", 2023, 2026),
    ("youth-inclusion", "Nätverk för ungdomsinflytande", "Network for Youth Inclusion", 2022, 2026),
    (
        "sustainable-futures",
        "Nätverket för hållbar framtid",
        "Sustainable Futures Network",
        2023,
        2025,
    ),
    ("human-rights", "Nätverk för mänskliga rättigheter", "Human Rights Network", 2019, 2021),
]


def P(  # noqa: N802 - reads like a table row
    slug,
    swedish,
    partners,
    country,
    themes,
    phase,
    status,
    start,
    end,
    title,
    summary,
    goals=("", ""),
    results=("", ""),
    network=None,
    reference="",
    publish=True,
):
    return locals()


PARTNERSHIPS = [
    P(
        "vara-huangshan-left-behind-children",
        ["vara"],
        ["huangshan"],
        "CN",
        ["children-and-youth", "social-inclusion"],
        "project",
        "completed",
        2014,
        2016,
        (
            "Vara och Huangshan: stöd till barn som lämnas kvar",
            "Vara and Huangshan: helping left-behind children",
        ),
        (
            "När föräldrar flyttar till städerna för att arbeta lämnas många barn kvar på Kinas landsbygd. "
            "Vara delade sina metoder från familjehemsvården och Huangshan anpassade dem till centrum för kvarlämnade barn.",
            "When parents move to the cities for work, many children are left behind in rural China. "
            "Vara shared its methods from foster care, and Huangshan adapted them for its centres for left-behind children.",
        ),
        (
            "<ul><li>Utveckla sätt att hjälpa kvarlämnade barn att hålla kontakten med sina familjer och hantera sin situation.</li>"
            "<li>Utbilda lärare och personal på en skola och ett centrum för kvarlämnade barn.</li></ul>",
            "<ul><li>Develop ways to help left-behind children stay in touch with their families and cope with their situation.</li>"
            "<li>Train teachers and staff at one school and one centre for left-behind children.</li></ul>",
        ),
        (
            "<p>Eftersom lokala politiker var med spred Huangshan metoden till fler centrum. Förståelsen för frågan växte, "
            "statliga medel säkrades och kommunen gav problemet mer uppmärksamhet. Vara fick ett nytt perspektiv på arbete med gruppen (Kina) och individen (Sverige).</p>",
            "<p>Because local politicians took part, Huangshan shared the method with other centres. Understanding of the issue grew, "
            "state funding was secured and the municipality paid more attention to the problem. Vara gained a new perspective on working with the group (China) and the individual (Sweden).</p>",
        ),
    ),
    P(
        "vara-huangshan-inclusion-for-all-youth",
        ["vara"],
        ["huangshan"],
        "CN",
        ["public-health", "children-and-youth", "education"],
        "project",
        "completed",
        2017,
        2019,
        ("Inkludering i samhället – för alla unga", "Inclusion in Society – for all youth"),
        (
            "Två år om ungas psykiska hälsa och inkludering i skolan, till exempel fysisk aktivitet under skoldagen. "
            "Projektgruppen kom från skolor, elevhälsa, folkhälsa och socialtjänst. Vara avslutade samarbetet med Huangshan 2023.",
            "Two years on young people's mental health and inclusion in school, for example physical activity during the school day. "
            "The project group came from schools, student health, public health and social services. Vara ended its cooperation with Huangshan in 2023.",
        ),
        (
            "<p>Förebygga psykisk ohälsa och öka inkluderingen i skolan.</p>",
            "<p>Prevent mental ill-health and increase inclusion in school.</p>",
        ),
        (
            "<p>Det sista projektmötet hölls i Vara vecka 47 2019. I mars 2023 beslutade Vara kommunfullmäktige med brett stöd att avsluta samarbetet med Huangshan.</p>",
            "<p>The final project meeting was held in Vara in week 47 of 2019. In March 2023 Vara's municipal council decided, with broad support, to end the cooperation with Huangshan.</p>",
        ),
        reference="2016-0032",
    ),
    P(
        "vara-oranjemund-open-local-government",
        ["vara"],
        ["oranjemund"],
        "NA",
        ["transparency-and-accountability", "citizen-participation"],
        "project",
        "completed",
        2019,
        2023,
        ("Öppen och tillgänglig lokal förvaltning", "Open and accessible local government"),
        (
            "Vara och Oranjemund arbetade med hur invånarna får information om och insyn i kommunens beslut. Samarbetet avslutades 2023.",
            "Vara and Oranjemund worked on how residents are informed about, and can follow, the council's decisions. The cooperation ended in 2023.",
        ),
        results=(
            "<p>Oranjemund började publicera protokoll och budget på nätet och höll öppna budgetmöten.</p>",
            "<p>Oranjemund began publishing minutes and budgets online and held open budget meetings.</p>",
        ),
    ),
    P(
        "pitea-chinsali-climate-adaptation",
        ["pitea"],
        ["chinsali"],
        "ZM",
        ["environment-and-climate", "citizen-participation"],
        "project",
        "active",
        2022,
        None,
        ("Klimatanpassning med invånarna", "Climate adaptation with the residents"),
        (
            "Piteå och Chinsali tar fram lokala klimatplaner tillsammans med invånare, skolor och civilsamhälle. En del av Nätverk för klimatet.",
            "Piteå and Chinsali draw up local climate plans with residents, schools and civil society. Part of the Network for Climate Action.",
        ),
        (
            "<ul><li>En klimatanpassningsplan som invånarna har varit med och tagit fram.</li><li>Fler kvinnor och unga i de lokala klimatråden.</li></ul>",
            "<ul><li>A climate adaptation plan drawn up together with residents.</li><li>More women and young people on the local climate councils.</li></ul>",
        ),
        network="climate-action",
    ),
    P(
        "norrkoping-bihac-inclusive-public-spaces",
        ["norrkoping"],
        ["bihac"],
        "BA",
        ["urban-planning", "social-inclusion"],
        "project",
        "active",
        2023,
        None,
        ("Inkluderande offentliga rum", "Inclusive public spaces"),
        (
            "Norrköping och Bihać planerar parker och torg tillsammans med dem som sällan hörs: unga, äldre och personer med funktionsnedsättning.",
            "Norrköping and Bihać plan parks and squares together with those who are seldom heard: young people, older people and people with disabilities.",
        ),
        (
            "<p>Metoder för medborgardialog i stadsplaneringen som blir en del av kommunernas ordinarie arbete.</p>",
            "<p>Methods for citizen dialogue in urban planning that become part of both municipalities' regular work.</p>",
        ),
    ),
    P(
        "ale-ghanzi-young-co-creators",
        ["ale"],
        ["ghanzi"],
        "BW",
        ["children-and-youth", "human-rights"],
        "project",
        "active",
        2022,
        None,
        ("Unga som medskapare", "Young people as co-creators"),
        (
            "Ale och Ghanzi ger unga en verklig röst i kommunens beslut, med ungdomsråd och unga som granskar budgeten.",
            "Ale and Ghanzi give young people a real voice in council decisions, with youth councils and young people reviewing the budget.",
        ),
        (
            "<p>Ett ungdomsråd i varje kommun med rätt att lämna förslag till fullmäktige.</p>",
            "<p>A youth council in each municipality with the right to put proposals to the council.</p>",
        ),
        network="youth-inclusion",
    ),
    P(
        "borlange-vushtrri-waste-and-dialogue",
        ["borlange"],
        ["vushtrri"],
        "XK",
        ["environment-and-climate", "citizen-participation"],
        "project",
        "completed",
        2016,
        2019,
        ("Avfallshantering och medborgardialog", "Waste management and citizen dialogue"),
        (
            "Borlänge och Vushtrri införde källsortering i två stadsdelar och frågade invånarna hur insamlingen skulle fungera.",
            "Borlänge and Vushtrri introduced waste sorting in two neighbourhoods and asked the residents how collection should work.",
        ),
        results=(
            "<p>Andelen sorterat avfall i pilotområdena steg, och Vushtrri gjorde medborgardialog till en del av sin avfallsplan.</p>",
            "<p>The share of sorted waste rose in the pilot areas, and Vushtrri made citizen dialogue part of its waste plan.</p>",
        ),
    ),
    P(
        "herrljunga-dolyna-democratic-resilience",
        ["herrljunga"],
        ["dolyna"],
        "UA",
        ["democratic-resilience", "citizen-participation"],
        "project",
        "active",
        2022,
        None,
        ("Demokratisk motståndskraft i kris", "Democratic resilience in a crisis"),
        (
            "Hur håller en kommun invånarna informerade och delaktiga när kriget slår till? Herrljunga och Dolyna lär av varandra om krisberedskap och öppenhet.",
            "How does a municipality keep residents informed and involved when war strikes? Herrljunga and Dolyna learn from each other on crisis preparedness and openness.",
        ),
        (
            "<p>Rutiner för krisinformation och för att ta emot internflyktingar som invånarna har varit med och utformat.</p>",
            "<p>Routines for crisis information and for receiving internally displaced people, designed with residents.</p>",
        ),
    ),
    P(
        "umea-kajiado-sustainable-futures",
        ["umea"],
        ["kajiado"],
        "KE",
        ["children-and-youth", "education"],
        "project",
        "active",
        2023,
        None,
        (
            "Barn och unga bygger en hållbar framtid",
            "Children and youth building sustainable futures",
        ),
        (
            "Umeå och Kajiado arbetar med barns och ungas delaktighet genom skolklubbar för de globala målen.",
            "Umeå and Kajiado work on the participation of children and young people through school clubs for the global goals.",
        ),
        network="sustainable-futures",
    ),
    P(
        "falun-ngara-inception",
        ["falun"],
        ["ngara"],
        "TZ",
        ["children-and-youth"],
        "inception",
        "active",
        2025,
        None,
        (
            "Förberedelse: ungas inflytande i Falun och Ngara",
            "Inception: youth influence in Falun and Ngara",
        ),
        (
            "Ett förberedelseår med två möten, ett i varje land, för att lära känna varandra och planera ett gemensamt projekt.",
            "An inception year with two meetings, one in each country, to get to know each other and plan a joint project.",
        ),
    ),
    P(
        "jonkoping-jinja-equitable-health",
        ["jonkoping"],
        ["jinja"],
        "UG",
        ["public-health", "children-and-youth"],
        "project",
        "active",
        2023,
        None,
        ("Jämlik hälsa för unga", "Equitable health for young people"),
        (
            "Jönköping och Jinja arbetar med ungas psykiska hälsa och med att nå unga som inte går i skolan.",
            "Jönköping and Jinja work on young people's mental health and on reaching young people who are not in school.",
        ),
        network="sustainable-futures",
    ),
    P(
        "ostersund-muranga-climate",
        ["ostersund"],
        ["muranga"],
        "KE",
        ["environment-and-climate"],
        "project",
        "active",
        2022,
        None,
        ("Klimatsmart vattenförsörjning", "Climate-smart water supply"),
        (
            "Östersund och Murang'a arbetar med vattenförsörjning och skydd av vattentäkter i ett förändrat klimat.",
            "Östersund and Murang'a work on water supply and protecting water sources in a changing climate.",
        ),
        network="climate-action",
    ),
    P(
        "karlstad-livingstone-green-city",
        ["karlstad"],
        ["livingstone"],
        "ZM",
        ["environment-and-climate", "urban-planning"],
        "project",
        "active",
        2022,
        None,
        ("Grön stadsplanering", "Green urban planning"),
        (
            "Karlstad och Livingstone planerar grönområden och dagvatten för att möta skyfall och värmeböljor.",
            "Karlstad and Livingstone plan green spaces and stormwater to cope with cloudbursts and heatwaves.",
        ),
        network="climate-action",
    ),
    P(
        "orebro-victoria-falls-climate",
        ["orebro"],
        ["victoria-falls"],
        "ZW",
        ["environment-and-climate", "local-economic-development"],
        "project",
        "active",
        2022,
        None,
        ("Hållbar turism och klimat", "Sustainable tourism and climate"),
        (
            "Örebro och Victoria Falls arbetar med hur turismen kan växa utan att skada miljön, med invånarna i planeringen.",
            "Örebro and Victoria Falls work on how tourism can grow without harming the environment, with residents involved in planning.",
        ),
        network="climate-action",
    ),
    P(
        "botkyrka-jb-marks-youth-voice",
        ["botkyrka"],
        ["jb-marks"],
        "ZA",
        ["children-and-youth", "human-rights"],
        "project",
        "active",
        2022,
        None,
        ("Ungas röst i kommunen", "Young people's voice in local government"),
        (
            "Botkyrka och JB Marks bygger upp ungdomsråd och utbildar tjänstepersoner i barns och ungas rättigheter.",
            "Botkyrka and JB Marks set up youth councils and train staff in the rights of children and young people.",
        ),
        network="youth-inclusion",
    ),
    P(
        "region-gavleborg-musanze-equitable-health",
        ["region-gavleborg"],
        ["musanze"],
        "RW",
        ["public-health"],
        "project",
        "active",
        2023,
        None,
        ("Jämlik hälsa i Gävleborg och Musanze", "Equitable health in Gävleborg and Musanze"),
        (
            "Region Gävleborg och Musanze arbetar med mödrahälsovård och med att nå kvinnor på landsbygden.",
            "Region Gävleborg and Musanze work on maternal health care and on reaching women in rural areas.",
        ),
    ),
    P(
        "malmo-pasto-gender-equality",
        ["malmo"],
        ["pasto"],
        "CO",
        ["gender-equality"],
        "project",
        "active",
        2023,
        None,
        ("Jämställd lokal demokrati", "Gender-equal local democracy"),
        (
            "Malmö och Pasto arbetar för fler kvinnor på beslutande poster och mot våld mot kvinnor i politiken.",
            "Malmö and Pasto work for more women in decision-making posts and against violence towards women in politics.",
        ),
        network="gender-equality",
    ),
    P(
        "eskilstuna-quetzaltenango-gender-budgeting",
        ["eskilstuna"],
        ["quetzaltenango"],
        "GT",
        ["gender-equality", "citizen-participation"],
        "project",
        "active",
        2023,
        None,
        ("Jämställd budget", "Gender-responsive budgeting"),
        (
            "Eskilstuna och Quetzaltenango analyserar hur kommunens pengar fördelas mellan kvinnor och män.",
            "Eskilstuna and Quetzaltenango analyse how the municipality's money is shared between women and men.",
        ),
        network="gender-equality",
    ),
    P(
        "harnosand-chobe-human-rights",
        ["harnosand"],
        ["chobe"],
        "BW",
        ["human-rights", "social-inclusion"],
        "project",
        "completed",
        2019,
        2021,
        ("Mänskliga rättigheter i kommunens service", "Human rights in municipal services"),
        (
            "Härnösand och Chobe granskade sin service med ett rättighetsperspektiv, med stöd av Raoul Wallenberginstitutet.",
            "Härnösand and Chobe reviewed their services from a rights perspective, supported by the Raoul Wallenberg Institute.",
        ),
        results=(
            "<p>Båda kommunerna antog handlingsplaner för mänskliga rättigheter.</p>",
            "<p>Both municipalities adopted human rights action plans.</p>",
        ),
        network="human-rights",
    ),
    P(
        "kalmar-cahul-open-budget",
        ["kalmar"],
        ["cahul"],
        "MD",
        ["transparency-and-accountability", "local-economic-development"],
        "project",
        "completed",
        2015,
        2019,
        ("Öppen budget och lokalt näringsliv", "Open budget and local business"),
        (
            "Kalmar och Cahul arbetade med öppna budgetprocesser och med dialog mellan kommunen och lokala företag.",
            "Kalmar and Cahul worked on open budget processes and on dialogue between the municipality and local businesses.",
        ),
        results=(
            "<p>Cahul publicerar nu sin budget i en lättläst version.</p>",
            "<p>Cahul now publishes its budget in an easy-to-read version.</p>",
        ),
    ),
    P(
        "vaxjo-telavi-energy",
        ["vaxjo"],
        ["telavi"],
        "GE",
        ["environment-and-climate"],
        "project",
        "completed",
        2014,
        2018,
        ("Energieffektiva kommunala byggnader", "Energy-efficient municipal buildings"),
        (
            "Växjö och Telavi minskade energianvändningen i skolor och förskolor.",
            "Växjö and Telavi cut energy use in schools and preschools.",
        ),
        results=(
            "<p>Energiplaner för tolv skolor i Telavi.</p>",
            "<p>Energy plans for twelve schools in Telavi.</p>",
        ),
    ),
    P(
        "boras-strumica-urban-planning",
        ["boras"],
        ["strumica"],
        "MK",
        ["urban-planning", "citizen-participation"],
        "project",
        "completed",
        2016,
        2020,
        ("Medborgardialog i stadsplaneringen", "Citizen dialogue in urban planning"),
        (
            "Borås och Strumica utvecklade medborgardialog när stadskärnor och bostadsområden planeras om.",
            "Borås and Strumica developed citizen dialogue for the replanning of town centres and housing areas.",
        ),
    ),
    P(
        "halmstad-eskisehir-gender-equality",
        ["halmstad"],
        ["eskisehir"],
        "TR",
        ["gender-equality"],
        "project",
        "completed",
        2013,
        2016,
        ("Jämställdhetsintegrering", "Gender mainstreaming"),
        (
            "Halmstad och Eskişehir införde könsuppdelad statistik och jämställdhetsanalyser i kommunens planering.",
            "Halmstad and Eskişehir introduced sex-disaggregated statistics and gender analysis in municipal planning.",
        ),
    ),
    P(
        "gavle-surakarta-green-city",
        ["gavle"],
        ["surakarta"],
        "ID",
        ["urban-planning", "environment-and-climate"],
        "project",
        "completed",
        2015,
        2019,
        ("Hållbar stadsutveckling", "Sustainable urban development"),
        (
            "Gävle och Surakarta arbetade med kollektivtrafik, grönområden och invånarnas delaktighet i planeringen.",
            "Gävle and Surakarta worked on public transport, green spaces and residents' participation in planning.",
        ),
    ),
    P(
        "norrtalje-hue-coastal-environment",
        ["norrtalje"],
        ["thua-thien-hue"],
        "VN",
        ["environment-and-climate"],
        "project",
        "completed",
        2012,
        2016,
        ("Kustmiljö och vatten", "Coastal environment and water"),
        (
            "Norrtälje och provinsen Thừa Thiên Huế arbetade med vattenkvalitet och avlopp i kustnära byar.",
            "Norrtälje and Thừa Thiên Huế Province worked on water quality and sewage in coastal villages.",
        ),
    ),
    P(
        "uppsala-pemba-schools",
        ["uppsala"],
        ["pemba-mozambique"],
        "MZ",
        ["education", "citizen-participation"],
        "project",
        "completed",
        2014,
        2017,
        ("Föräldrar och elever i skolans styrning", "Parents and pupils in school governance"),
        (
            "Uppsala och Pemba stärkte skolråden så att föräldrar och elever kan påverka skolan.",
            "Uppsala and Pemba strengthened school councils so that parents and pupils can influence their school.",
        ),
    ),
    P(
        "sundsvall-kraljevo-transparency",
        ["sundsvall"],
        ["kraljevo"],
        "RS",
        ["transparency-and-accountability", "democratic-resilience"],
        "project",
        "active",
        2021,
        None,
        ("Öppenhet och ansvarsutkrävande", "Transparency and accountability"),
        (
            "Sundsvall och Kraljevo arbetar med allmänhetens insyn i upphandlingar och med att besvara invånarnas frågor snabbare.",
            "Sundsvall and Kraljevo work on public insight into procurement and on answering residents' questions faster.",
        ),
    ),
    P(
        "skelleftea-kinondoni-inception",
        ["skelleftea"],
        ["kinondoni"],
        "TZ",
        ["public-health", "citizen-participation"],
        "inception",
        "active",
        2025,
        None,
        ("Förberedelse: hälsa och delaktighet", "Inception: health and participation"),
        (
            "Skellefteå och Kinondoni förbereder ett projekt om hur invånarna kan vara med och prioritera i den lokala hälsovården.",
            "Skellefteå and Kinondoni prepare a project on how residents can help set priorities in local health care.",
        ),
    ),
    P(
        "skaraborg-gjilan-local-economy",
        ["skaraborgs-kommunalforbund", "mariestad"],
        ["gjilan"],
        "XK",
        ["local-economic-development", "gender-equality"],
        "inception",
        "active",
        2024,
        None,
        ("Förberedelse: kvinnors företagande", "Inception: women's entrepreneurship"),
        (
            "Skaraborgs kommunalförbund och Mariestad förbereder med Gjilan ett projekt om kommunens stöd till kvinnor som startar företag.",
            "Skaraborg's municipal federation and Mariestad prepare a project with Gjilan on the municipality's support to women starting businesses.",
        ),
    ),
    P(
        "lund-kinondoni-draft",
        ["lund"],
        ["kinondoni"],
        "TZ",
        ["citizen-participation"],
        "inception",
        "active",
        2026,
        None,
        ("Utkast: medborgarbudget", "Draft: participatory budgeting"),
        ("Ett utkast som inte är publicerat.", "A draft that is not published."),
        publish=False,
    ),
]

STORIES = [
    {
        "slug": "helping-left-behind-children",
        "date": date(2016, 2, 15),
        "partnerships": ["vara-huangshan-left-behind-children"],
        "title_sv": "De hjälper övergivna barn",
        "title_en": "Helping left-behind children",
        "lead_sv": "Kinas snabba urbanisering gör att barn lämnas kvar på landsbygden när föräldrarna flyttar till städerna för att arbeta. I ett partnerskap mellan Vara och Huangshan har metoder från svensk familjehemsvård hjälpt barnen att hantera sin situation.",
        "lead_en": "China's fast urbanisation leaves children behind in the countryside when their parents move to the cities for work. In a partnership between Vara and Huangshan, methods from Swedish foster care have helped the children cope.",
        "body_sv": (
            "<p>I Huangshan, i södra Anhuiprovinsen, finns centrum för kvarlämnade barn som erbjuder fritidsaktiviteter och visst stöd. "
            "Där, och på en skola, har projektet utbildat lärare och personal.</p>"
            "<h2>Metoder från familjehemsvården</h2>"
            "<p>Vara bidrog med de metoder kommunen använder med barn i familjehem, som hjälper dem att hålla kontakten med sin familj och att hantera sin situation. "
            "Huangshan anpassade metoderna till sitt eget sammanhang.</p>"
            "<blockquote><p>Vi fick ett nytt perspektiv på att arbeta med gruppen, som i Kina, och med individen, som i Sverige.</p></blockquote>"
            "<h2>Metoden sprids</h2>"
            "<p>Eftersom lokala politiker var med delade Huangshan metoden med fler centrum. Förståelsen för frågan växte, statliga medel säkrades och kommunen gav problemet mer uppmärksamhet.</p>"
            "<p>Projektsamordnare i Vara var Helena Torsell, och från Varas socialtjänst deltog Maria Gilbertsson.</p>"
            "<p><em>Vara kommun avslutade sitt samarbete med Huangshan i mars 2023. Berättelsen beskriver ett avslutat projekt.</em></p>"
        ),
        "body_en": (
            "<p>In Huangshan, in the south of Anhui province, centres for left-behind children offer leisure activities and some support. "
            "There, and at one school, the project trained teachers and staff.</p>"
            "<h2>Methods from foster care</h2>"
            "<p>Vara brought the methods it uses with children in foster care, which help them stay in touch with their families and handle their situation. "
            "Huangshan adapted the methods to its own context.</p>"
            "<blockquote><p>We gained a new perspective on working with the group, as in China, and with the individual, as in Sweden.</p></blockquote>"
            "<h2>The method spreads</h2>"
            "<p>Because local politicians were involved, Huangshan shared the method with other centres. Understanding of the issue grew, state funding was secured and the municipality paid more attention to the problem.</p>"
            "<p>The project coordinator in Vara was Helena Torsell, and Maria Gilbertsson took part from Vara's social services.</p>"
            "<p><em>Vara Municipality ended its cooperation with Huangshan in March 2023. This story describes a completed project.</em></p>"
        ),
    },
    {
        "slug": "climate-councils-in-chinsali",
        "date": date(2024, 5, 20),
        "partnerships": ["pitea-chinsali-climate-adaptation"],
        "title_sv": "Klimatråd där invånarna har ordet",
        "title_en": "Climate councils where residents have their say",
        "lead_sv": "I Chinsali möts invånare, skolor och kommunens tjänstepersoner i klimatråd. Idéerna kommer från Piteå, men formen är Chinsalis egen.",
        "lead_en": "In Chinsali, residents, schools and council officers meet in climate councils. The ideas come from Piteå, but the form is Chinsali's own.",
        "body_sv": "<p>Torka och skyfall har blivit vanligare i norra Zambia. Klimatråden samlar dem som påverkas mest för att prioritera åtgärder i kommunens plan.</p><p>Hälften av ledamöterna är kvinnor, och två platser är reserverade för unga.</p>",
        "body_en": "<p>Droughts and cloudbursts have become more common in northern Zambia. The climate councils bring together those most affected to set priorities for the council's plan.</p><p>Half of the members are women, and two seats are reserved for young people.</p>",
    },
    {
        "slug": "youth-council-in-ghanzi",
        "date": date(2024, 11, 5),
        "partnerships": ["ale-ghanzi-young-co-creators"],
        "title_sv": "Ungdomsrådet som fick fullmäktige att lyssna",
        "title_en": "The youth council that made the council listen",
        "lead_sv": "Ghanzis första ungdomsråd lade fram tre förslag för distriktsfullmäktige. Två av dem finns nu i budgeten.",
        "lead_en": "Ghanzi's first youth council put three proposals to the district council. Two of them are now in the budget.",
        "body_sv": "<p>Inspirationen kom från Ales ungdomsråd. Under ett besök i Ale följde unga från Ghanzi ett fullmäktigemöte och träffade sina svenska motsvarigheter.</p>",
        "body_en": "<p>The inspiration came from Ale's youth council. During a visit to Ale, young people from Ghanzi followed a council meeting and met their Swedish counterparts.</p>",
    },
    {
        "slug": "sorting-waste-in-vushtrri",
        "date": date(2019, 6, 10),
        "partnerships": ["borlange-vushtrri-waste-and-dialogue"],
        "title_sv": "Sopsortering började med ett samtal",
        "title_en": "Waste sorting began with a conversation",
        "lead_sv": "Innan de första kärlen ställdes ut i Vushtrri frågade kommunen invånarna hur de ville att insamlingen skulle fungera.",
        "lead_en": "Before the first bins were put out in Vushtrri, the municipality asked residents how they wanted collection to work.",
        "body_sv": "<p>Borlänges erfarenheter av medborgardialog blev en del av Vushtrris avfallsplan. Andelen sorterat avfall steg i båda pilotområdena.</p>",
        "body_en": "<p>Borlänge's experience of citizen dialogue became part of Vushtrri's waste plan. The share of sorted waste rose in both pilot areas.</p>",
    },
]


# The lead image of each story, painted for the demo (demo/images.py).
STORY_IMAGES = {
    "helping-left-behind-children": (
        "town",
        "Barn och vuxna på ett torg framför låga hus i Huangshan.",
        "Children and adults on a square in front of low houses in Huangshan.",
    ),
    "climate-councils-in-chinsali": (
        "lake",
        "Invånare vid en sjö med gröna kullar bakom, i Chinsali.",
        "Residents by a lake with green hills behind them, in Chinsali.",
    ),
    "youth-council-in-ghanzi": (
        "meeting",
        "Unga ledamöter runt ett bord i ett ljust mötesrum.",
        "Young council members around a table in a bright meeting room.",
    ),
    "sorting-waste-in-vushtrri": (
        "market",
        "Människor mellan marknadsstånd på en gata i Vushtrri.",
        "People between market stalls on a street in Vushtrri.",
    ),
}
PARTNERSHIP_IMAGES = {
    "ale-ghanzi-young-co-creators": STORY_IMAGES["youth-council-in-ghanzi"],
    "pitea-chinsali-climate-adaptation": STORY_IMAGES["climate-councils-in-chinsali"],
}


def _partnership_image(slug: str) -> dict:
    if slug not in PARTNERSHIP_IMAGES:
        return {}
    scene, alt_sv, alt_en = PARTNERSHIP_IMAGES[slug]
    return {"lead_image": demo_image(slug, scene, alt_sv=alt_sv, alt_en=alt_en)}


def _story_image(slug: str):
    scene, alt_sv, alt_en = STORY_IMAGES[slug]
    return demo_image(slug, scene, alt_sv=alt_sv, alt_en=alt_en)


def _organisations(stdout) -> None:
    countries = {country.code: country for country in Country.objects.all()}
    for slug, kind, country, short, name_sv, name_en in FOREIGN_ORGANISATIONS:
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
    upsert(
        Organisation,
        {"slug": "skaraborgs-kommunalforbund"},
        {
            "kind": Organisation.Kind.FEDERATION,
            "country": countries[Country.SWEDEN],
            "short_name": "Skaraborgs kommunalförbund",
            "name_sv": "Skaraborgs kommunalförbund",
            "name_en": "Skaraborg Association of Local Authorities",
            "county": County.objects.get(code="14"),
        },
    )
    stdout.write(f"  {len(FOREIGN_ORGANISATIONS) + 1} organisations")


def seed(stdout) -> None:
    stdout.write("Partnerships: demo content")
    _organisations(stdout)
    networks = {
        slug: upsert(
            Network,
            {"slug": slug},
            {
                "name_sv": name_sv,
                "name_en": name_en,
                "start_year": start,
                "end_year": end,
            },
        )
        for slug, name_sv, name_en, start, end in NETWORKS
    }
    organisations = {org.slug: org for org in Organisation.objects.all()}
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    countries = {country.code: country for country in Country.objects.all()}
    partnerships = {}
    for row in PARTNERSHIPS:
        partnerships[row["slug"]] = services.partnership_upsert(
            slug=row["slug"],
            country=countries[row["country"]],
            swedish_organisations=[organisations[slug] for slug in row["swedish"]],
            partner_organisations=[organisations[slug] for slug in row["partners"]],
            themes=[themes[slug] for slug in row["themes"]],
            network=networks.get(row["network"]),
            publish=row["publish"],
            phase=row["phase"],
            status=row["status"],
            start_year=row["start"],
            end_year=row["end"],
            title_sv=row["title"][0],
            title_en=row["title"][1],
            summary_sv=row["summary"][0],
            summary_en=row["summary"][1],
            goals_sv=row["goals"][0],
            goals_en=row["goals"][1],
            results_sv=row["results"][0],
            results_en=row["results"][1],
            reference_number=row["reference"],
            **_partnership_image(row["slug"]),
        )
    stdout.write(f"  {len(partnerships)} partnerships")
    for story in STORIES:
        fields = {key: value for key, value in story.items() if key not in ("slug", "partnerships")}
        if story["slug"] == "youth-council-in-ghanzi":
            # An image inside the text too, as staff put one in with the editor.
            square = _story_image("helping-left-behind-children")
            for code, caption in (
                ("sv", "Ett torgmöte i Ale."),
                ("en", "A meeting on the square in Ale."),
            ):
                alt, src = getattr(square, f"alt_{code}"), renditions(square)[-1].url
                fields[f"body_{code}"] += (
                    f'<figure><img src="{src}" alt="{alt}" data-file="{square.pk}">'
                    f"<figcaption>{caption}</figcaption></figure>"
                )
        services.story_upsert(
            slug=story["slug"],
            partnerships=[partnerships[slug] for slug in story["partnerships"]],
            publish=True,
            lead_image=_story_image(story["slug"]),
            **fields,
        )
    stdout.write(f"  {len(STORIES)} stories")
