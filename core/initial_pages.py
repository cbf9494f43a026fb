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
            "<li><strong>Municipal Partnerships</strong>: Swedish municipalities and regions work with local and regional governments in ICLD's partner countries.</li>"
            "<li><strong>International training programmes</strong>: free programmes for decision makers and officials in the partner countries.</li>"
            "<li><strong>Knowledge Centre</strong>: research, publications, seminars and workshops on local democracy.</li></ul>"
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
            '<ul><li>Allmänna frågor: <a href="mailto:info@icld.se">info@icld.se</a></li>'
            '<li>Kommunala partnerskap: <a href="mailto:partnership@icld.se">partnership@icld.se</a></li>'
            '<li>Utbildningsprogram: <a href="mailto:itp@icld.se">itp@icld.se</a></li>'
            '<li>Kunskapscentrum: <a href="mailto:research@icld.se">research@icld.se</a></li></ul>'
        ),
        "body_en": (
            "<p>Swedish International Centre for Local Democracy<br>Visby, Sweden</p>"
            '<ul><li>General questions: <a href="mailto:info@icld.se">info@icld.se</a></li>'
            '<li>Municipal Partnerships: <a href="mailto:partnership@icld.se">partnership@icld.se</a></li>'
            '<li>Training Programmes: <a href="mailto:itp@icld.se">itp@icld.se</a></li>'
            '<li>Knowledge Centre: <a href="mailto:research@icld.se">research@icld.se</a></li></ul>'
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
            "<p>Webbplatsen sätter bara de kakor som behövs för att den ska fungera. När du öppnar ett formulär får du en kaka som skyddar mot förfalskade formulär (csrftoken), och efter att du skickat ett formulär kan en kortlivad kaka bära beskedet till nästa sida (messages). ICLD:s medarbetare som loggar in får också en inloggningskaka (sessionid) och en kaka för språket i administrationen (django_language). Språket på de publika sidorna följer adressen (/sv/ eller /en/) och sparas inte i någon kaka. Vi använder ingen spårning, ingen webbanalys från tredje part och inga externa resurser. Därför behövs ingen kakbanner.</p>"
            "<h2>Dina rättigheter</h2>"
            '<p>Du har rätt att få veta vilka uppgifter vi har om dig, att få dem rättade eller raderade, att begränsa behandlingen och att återkalla ditt samtycke. Kontakta <a href="mailto:info@icld.se">info@icld.se</a>. Du kan också lämna klagomål till Integritetsskyddsmyndigheten (IMY).</p>'
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
            "<p>This website only sets the cookies it needs to work. When you open a form you get a cookie that protects against forged forms (csrftoken), and after you send a form a short-lived cookie may carry the confirmation to the next page (messages). ICLD staff who sign in also get a sign-in cookie (sessionid) and one for the language of the administration (django_language). The language of the public pages follows the address (/sv/ or /en/) and is not stored in a cookie. We use no tracking, no third-party analytics and no external resources, so no cookie banner is needed.</p>"
            "<h2>Your rights</h2>"
            '<p>You have the right to know what data we hold about you, to have it corrected or erased, to restrict its processing and to withdraw your consent. Contact <a href="mailto:info@icld.se">info@icld.se</a>. You can also complain to the Swedish Authority for Privacy Protection (IMY).</p>'
        ),
        "meta_description_sv": "Hur ICLD behandlar personuppgifter som lämnas på webbplatsen.",
        "meta_description_en": "How ICLD processes personal data given on this website.",
    },
}

ACCESSIBILITY_STATEMENT = {
    "conformance": "partial",
    "introduction_sv": (
        "<p>Internationellt centrum för lokal demokrati (ICLD) står bakom den här webbplatsen. "
        "Vi vill att så många som möjligt ska kunna använda den. Här beskriver vi hur webbplatsen "
        "uppfyller lagen om tillgänglighet till digital offentlig service, eventuella kända "
        "tillgänglighetsproblem och hur du kan rapportera brister till oss så att vi kan åtgärda dem.</p>"
    ),
    "introduction_en": (
        "<p>The Swedish International Centre for Local Democracy (ICLD) runs this website. We want "
        "as many people as possible to be able to use it. This statement describes how the website "
        "meets the Swedish Act on accessibility to digital public services, any known accessibility "
        "problems, and how you can report problems to us so that we can fix them.</p>"
    ),
    "known_shortcomings_sv": (
        "<ul><li>Äldre PDF-dokument i forskningsbiblioteket saknar ofta taggar, titel och angivet språk, så skärmläsare kan inte följa deras rubriker och tabeller (WCAG 1.3.1, 2.4.2, 3.1.1). Du kan be om en tillgänglig version av varje dokument via länken bredvid det.</li><li>Texter som skrevs före december 2026 kan innehålla stycken på engelska som inte är markerade som engelska, så en skärmläsare läser dem med svenskt uttal (WCAG 3.1.2). Vi markerar dem när texterna uppdateras.</li><li>En manuell granskning med skärmläsare har ännu inte gjorts; de automatiska testerna hittar inte alla problem. Berätta gärna för oss om något inte fungerar.</li></ul>"
    ),
    "known_shortcomings_en": (
        "<ul><li>Older PDF documents in the research library often lack tags, a title and a stated language, so screen readers cannot follow their headings and tables (WCAG 1.3.1, 2.4.2, 3.1.1). You can ask for an accessible version of every document with the link beside it.</li><li>Texts written before December 2026 may contain passages in Swedish that are not marked as Swedish, so a screen reader reads them with English pronunciation (WCAG 3.1.2). We mark them as the texts are updated.</li><li>No manual review with a screen reader has been made yet; automated tests do not find every problem. Please tell us if something does not work for you.</li></ul>"
    ),
    "outside_scope_sv": "<p>Dokument som publicerats före den 23 september 2018 omfattas inte av lagkraven.</p>",
    "outside_scope_en": "<p>Documents published before 23 September 2018 are outside the scope of the law.</p>",
    "how_we_tested_sv": (
        "<p>Vi har granskat webbplatsen själva (självskattning). Vid varje ändring testas varje sidtyp automatiskt, på svenska och engelska: med axe-core mot WCAG 2.1 nivå A och AA, med Nu Html Checker för giltig HTML, och i webbläsartester som använder tangentbordet, felmeddelanden i formulär och skärmbredder på 320, 375 och 1280 pixlar. Kartorna är interaktiva SVG-bilder där varje land är en länk som nås med tangentbordet, och samma uppgifter finns i en tabell under kartan.</p>"
    ),
    "how_we_tested_en": (
        "<p>We assessed the website ourselves. At every change, every page type is tested automatically in Swedish and English: with axe-core against WCAG 2.1 levels A and AA, with the Nu Html Checker for valid HTML, and in browser tests that use the keyboard, form error messages and screen widths of 320, 375 and 1280 pixels. The maps are interactive SVG images in which every country is a link reached with the keyboard, and the same figures are in a table below the map.</p>"
    ),
    "last_reviewed": "2026-12-01",
    "statement_updated": "2026-12-01",
    "contact_email": "info@icld.se",
    "response_days": 5,
}
