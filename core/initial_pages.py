"""The first version of the pages staff edit in admin.

A data migration creates them once, so a new installation is never without
its privacy notice and accessibility statement; after that they belong to
staff, and nothing here overwrites their edits.
"""

PAGES = {
    "about": {
        "title_sv": "Om ICLD",
        "title_en": "About ICLD",
        "lead_sv": "Internationellt centrum för lokal demokrati (ICLD) bekämpar fattigdom genom att stärka den lokala demokratin.",
        "lead_en": "The Swedish International Centre for Local Democracy (ICLD) fights poverty by strengthening local democracy.",
        "body_sv": (
            "<p>ICLD finansieras av Sida och har Sveriges Kommuner och Regioner (SKR) som huvudman. "
            "Centret grundades 2009 och har sitt huvudkontor i Visby.</p>"
            "<h2>Så arbetar vi</h2><ul>"
            "<li><strong>Kommunala partnerskap</strong>: svenska kommuner och regioner samarbetar med lokala och regionala förvaltningar i ICLD:s partnerländer.</li>"
            "<li><strong>Internationella utbildningsprogram</strong>: kostnadsfria program för beslutsfattare och tjänstepersoner i partnerländerna.</li>"
            "<li><strong>Kunskapscentrum</strong>: forskning, publikationer, seminarier och workshoppar om lokal demokrati.</li></ul>"
            "<h2>Våra kärnområden</h2><ul><li>Jämlik, rättvis och inkluderande behandling</li>"
            "<li>Deltagande och delaktighet</li><li>Transparens och insyn</li><li>Möjlighet till ansvarsutkrävande</li></ul>"
        ),
        "body_en": (
            "<p>ICLD is funded by Sida, with the Swedish Association of Local Authorities and Regions (SALAR) as its principal. "
            "It was founded in 2009 and has its head office in Visby.</p>"
            "<h2>How we work</h2><ul>"
            "<li><strong>Municipal partnerships</strong>: Swedish municipalities and regions work with local and regional governments in ICLD's partner countries.</li>"
            "<li><strong>International training programmes</strong>: free programmes for decision makers and officials in the partner countries.</li>"
            "<li><strong>Knowledge centre</strong>: research, publications, seminars and workshops on local democracy.</li></ul>"
            "<h2>Our core areas</h2><ul><li>Equal, fair and inclusive treatment</li>"
            "<li>Participation</li><li>Transparency</li><li>Accountability</li></ul>"
        ),
        "meta_description_sv": "Om ICLD, Internationellt centrum för lokal demokrati.",
        "meta_description_en": "About ICLD, the Swedish International Centre for Local Democracy.",
    },
    "contact": {
        "title_sv": "Kontakt",
        "title_en": "Contact",
        "lead_sv": "Så når du ICLD.",
        "lead_en": "How to reach ICLD.",
        "body_sv": (
            "<p>Internationellt centrum för lokal demokrati<br>Visby</p>"
            "<ul><li>Allmänna frågor: <a href=\"mailto:info@icld.se\">info@icld.se</a></li>"
            "<li>Kommunala partnerskap: <a href=\"mailto:partnership@icld.se\">partnership@icld.se</a></li>"
            "<li>Utbildningsprogram: <a href=\"mailto:itp@icld.se\">itp@icld.se</a></li>"
            "<li>Kunskapscentrum: <a href=\"mailto:research@icld.se\">research@icld.se</a></li></ul>"
        ),
        "body_en": (
            "<p>Swedish International Centre for Local Democracy<br>Visby, Sweden</p>"
            "<ul><li>General questions: <a href=\"mailto:info@icld.se\">info@icld.se</a></li>"
            "<li>Municipal partnerships: <a href=\"mailto:partnership@icld.se\">partnership@icld.se</a></li>"
            "<li>Training programmes: <a href=\"mailto:itp@icld.se\">itp@icld.se</a></li>"
            "<li>Knowledge centre: <a href=\"mailto:research@icld.se\">research@icld.se</a></li></ul>"
        ),
    },
    "privacy": {
        "title_sv": "Så behandlar vi personuppgifter",
        "title_en": "Privacy notice",
        "lead_sv": "ICLD är personuppgiftsansvarig för de uppgifter du lämnar i formulären på den här webbplatsen.",
        "lead_en": "ICLD is the controller of the personal data you give in the forms on this website.",
        "body_sv": (
            "<h2>Vilka uppgifter vi sparar och varför</h2>"
            "<p>När du anmäler intresse för ett kommunalt partnerskap, erbjuder dig att ta emot ett studiebesök eller anmäler dig till ett seminarium sparar vi det du skriver i formuläret: namn, e-postadress, telefonnummer om du anger det, din organisation och ditt meddelande. Vi använder uppgifterna för att handlägga ditt ärende och svara dig.</p>"
            "<h2>Rättslig grund</h2>"
            "<p>Vi behandlar uppgifterna med ditt samtycke, som du lämnar i formuläret och när som helst kan återkalla, och för att utföra uppgifter av allmänt intresse inom ICLD:s uppdrag.</p>"
            "<h2>Hur länge vi sparar uppgifterna</h2>"
            "<p>Intresseanmälningar avidentifieras 24 månader efter att ärendet avslutats. Anmälningar till seminarier raderas senast 12 månader efter evenemanget. Obekräftade prenumerationer raderas efter en vecka.</p>"
            "<h2>Vem som ser uppgifterna</h2>"
            "<p>Endast de medarbetare på ICLD som handlägger ärendet. Vi säljer aldrig uppgifter och lämnar inte ut dem till andra än när lagen kräver det.</p>"
            "<h2>Cookies och spårning</h2>"
            "<p>Webbplatsen använder bara de kakor som behövs för att den ska fungera (språkval och skydd mot förfalskade formulär). Vi använder ingen spårning, ingen webbanalys från tredje part och inga externa resurser. Därför behövs ingen kakbanner.</p>"
            "<h2>Dina rättigheter</h2>"
            "<p>Du har rätt att få veta vilka uppgifter vi har om dig, att få dem rättade eller raderade, att begränsa behandlingen och att återkalla ditt samtycke. Kontakta <a href=\"mailto:info@icld.se\">info@icld.se</a>. Du kan också lämna klagomål till Integritetsskyddsmyndigheten (IMY).</p>"
        ),
        "body_en": (
            "<h2>What we store and why</h2>"
            "<p>When you register interest in a municipal partnership, offer to host a study visit or sign up for a seminar, we store what you write in the form: your name, email address, phone number if you give it, your organisation and your message. We use it to handle your request and reply to you.</p>"
            "<h2>Legal basis</h2>"
            "<p>We process the data with your consent, which you give in the form and may withdraw at any time, and to perform tasks in the public interest within ICLD's mandate.</p>"
            "<h2>How long we keep it</h2>"
            "<p>Registrations of interest are anonymised 24 months after they are closed. Seminar sign-ups are deleted at the latest 12 months after the event. Unconfirmed subscriptions are deleted after one week.</p>"
            "<h2>Who sees it</h2>"
            "<p>Only the ICLD staff who handle your request. We never sell data and share it with no one else unless the law requires it.</p>"
            "<h2>Cookies and tracking</h2>"
            "<p>This website only sets the cookies it needs to work (your language and protection against forged forms). We use no tracking, no third-party analytics and no external resources, so no cookie banner is needed.</p>"
            "<h2>Your rights</h2>"
            "<p>You have the right to know what data we hold about you, to have it corrected or erased, to restrict its processing and to withdraw your consent. Contact <a href=\"mailto:info@icld.se\">info@icld.se</a>. You can also complain to the Swedish Authority for Privacy Protection (IMY).</p>"
        ),
        "meta_description_sv": "Hur ICLD behandlar personuppgifter som lämnas på webbplatsen.",
        "meta_description_en": "How ICLD processes personal data given on this website.",
    },
    "accessibility": {
        "title_sv": "Tillgänglighet för icld.se",
        "title_en": "Accessibility statement for icld.se",
        "lead_sv": "ICLD står bakom den här webbplatsen. Vi vill att så många som möjligt ska kunna använda den.",
        "lead_en": "ICLD runs this website. We want as many people as possible to be able to use it.",
        "body_sv": (
            "<h2>Hur tillgänglig är webbplatsen?</h2>"
            "<p>Webbplatsen är förenlig med lagen om tillgänglighet till digital offentlig service och uppfyller kraven i WCAG 2.1 nivå AA. Alla sidor testas automatiskt med axe-core i båda språken.</p>"
            "<h2>Vad kan du göra om du inte kan använda delar av webbplatsen?</h2>"
            "<p>Om du behöver innehåll i ett mer tillgängligt format kan du kontakta oss på <a href=\"mailto:info@icld.se\">info@icld.se</a>.</p>"
            "<h2>Rapportera brister</h2>"
            "<p>Vi strävar hela tiden efter att förbättra tillgängligheten. Om du upptäcker problem som inte beskrivs på den här sidan, kontakta oss så att vi får veta att problemet finns.</p>"
            "<h2>Tillsyn</h2>"
            "<p>Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn över lagen om tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du <a href=\"https://www.digg.se/tdosanmalan\">kontakta Digg</a>.</p>"
            "<h2>Hur vi testat webbplatsen</h2>"
            "<p>Vi har gjort en självskattning av webbplatsen, med automatiska tester och manuell granskning med tangentbord och skärmläsare.</p>"
        ),
        "body_en": (
            "<h2>How accessible is the website?</h2>"
            "<p>The website complies with the Swedish Act on accessibility to digital public services and meets WCAG 2.1 level AA. Every page is tested automatically with axe-core in both languages.</p>"
            "<h2>What can you do if you cannot use parts of the website?</h2>"
            "<p>If you need content in a more accessible format, contact us at <a href=\"mailto:info@icld.se\">info@icld.se</a>.</p>"
            "<h2>Report a problem</h2>"
            "<p>We keep working to improve accessibility. If you find a problem that is not described on this page, please tell us.</p>"
            "<h2>Supervision</h2>"
            "<p>The Agency for Digital Government (Digg) supervises the Act on accessibility to digital public services. If you are not satisfied with how we handle your report, you can <a href=\"https://www.digg.se/tdosanmalan\">contact Digg</a>.</p>"
            "<h2>How we tested the website</h2>"
            "<p>We assessed the website ourselves, with automated tests and a manual review using the keyboard and a screen reader.</p>"
        ),
    },
}
