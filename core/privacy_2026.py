"""The privacy notice, form by form (replaces the first, general version; see migration 0005)."""

BODY_SV = (
    "<p>ICLD behandlar bara de personuppgifter som behövs för att handlägga det du ber oss om. "
    "Nedan står, för varje formulär, vad vi sparar, varför, hur länge och vem som ser det.</p>"
    "<h2>Formulär för formulär</h2>"
    '<table><thead><tr><th scope="col">Formulär</th><th scope="col">Vad vi sparar</th>'
    '<th scope="col">Varför och rättslig grund</th><th scope="col">Hur länge</th>'
    '<th scope="col">Vem som ser det</th></tr></thead><tbody>'
    '<tr><th scope="row">Intresseanmälan för kommunalt partnerskap</th>'
    "<td>Organisation, namn, roll, e-postadress, telefonnummer om du anger det, länder och teman du är intresserad av, ditt meddelande och svarsspråk.</td>"
    "<td>För att svara dig och hjälpa dig hitta en partner. Ditt samtycke och ICLD:s uppdrag av allmänt intresse.</td>"
    "<td>Personuppgifterna avidentifieras 24 månader efter att ärendet avslutats; bara anonym statistik (organisation, länder, teman, datum) finns kvar.</td>"
    "<td>Partnerskapsteamet på ICLD.</td></tr>"
    '<tr><th scope="row">Erbjudande att ta emot studiebesök</th>'
    "<td>Organisation, kontaktperson, e-postadress, telefonnummer, perioder, kapacitet, språk, lokalernas tillgänglighet och ditt meddelande.</td>"
    "<td>För att planera studiebesök och praktik inom utbildningsprogrammen. Ditt samtycke.</td>"
    "<td>Så länge erbjudandet är aktuellt. Vi går igenom och tar bort inaktuella erbjudanden minst en gång per år.</td>"
    "<td>Programteamet på ICLD. Kommunens namn visas bara på sidan om värdkommuner om ni har godkänt det.</td></tr>"
    '<tr><th scope="row">Anmälan till seminarier och workshoppar</th>'
    "<td>Namn, e-postadress, organisation och, om du anger det, behov av specialkost eller tillgänglighet.</td>"
    "<td>För att genomföra evenemanget. Ditt uttryckliga samtycke, även för uppgifter om kost- och tillgänglighetsbehov, som kan röra hälsa.</td>"
    "<td>Till och med evenemanget; sex månader därefter raderas anmälan.</td>"
    "<td>Kunskapscentrum på ICLD och, för kost och tillgänglighet, den som ordnar lokalen.</td></tr>"
    '<tr><th scope="row">Rapport om tillgänglighet</th>'
    "<td>Din beskrivning, sidan eller dokumentet, ditt namn om du anger det och din e-postadress.</td>"
    "<td>För att åtgärda problemet och svara dig. ICLD:s rättsliga skyldighet enligt lagen om tillgänglighet till digital offentlig service.</td>"
    "<td>Två år efter att vi svarat, för att kunna följa upp brister.</td>"
    "<td>Kommunikationsteamet på ICLD.</td></tr>"
    "</tbody></table>"
    "<p>Vi säljer aldrig uppgifter och lämnar inte ut dem till andra än när lagen kräver det. "
    "Som myndighetsnära organisation kan inkomna handlingar omfattas av offentlighetsprincipen.</p>"
)

BODY_EN = (
    "<p>ICLD only processes the personal data needed to handle what you ask us for. Below, for "
    "each form, is what we store, why, for how long, and who sees it.</p>"
    "<h2>Form by form</h2>"
    '<table><thead><tr><th scope="col">Form</th><th scope="col">What we store</th>'
    '<th scope="col">Why, and the legal basis</th><th scope="col">How long</th>'
    '<th scope="col">Who sees it</th></tr></thead><tbody>'
    '<tr><th scope="row">Registering interest in a municipal partnership</th>'
    "<td>Organisation, name, role, email address, phone number if you give it, the countries and themes you are interested in, your message and the language for replies.</td>"
    "<td>To answer you and help you find a partner. Your consent and ICLD's task in the public interest.</td>"
    "<td>The personal data is anonymised 24 months after the case is closed; only anonymous statistics (organisation, countries, themes, dates) remain.</td>"
    "<td>ICLD's partnership team.</td></tr>"
    '<tr><th scope="row">Offering to host a study visit</th>'
    "<td>Organisation, contact person, email address, phone number, periods, capacity, languages, the accessibility of your premises and your message.</td>"
    "<td>To plan study visits and placements in the training programmes. Your consent.</td>"
    "<td>As long as the offer is current. We review and remove offers that are no longer current at least once a year.</td>"
    "<td>ICLD's programme team. Your municipality's name appears on the page of hosts only if you agreed to it.</td></tr>"
    '<tr><th scope="row">Signing up for seminars and workshops</th>'
    "<td>Name, email address, organisation and, if you give them, dietary or accessibility needs.</td>"
    "<td>To run the event. Your explicit consent, also for dietary and accessibility needs, which may concern health.</td>"
    "<td>Until the event; the sign-up is deleted six months after it.</td>"
    "<td>ICLD's knowledge centre and, for dietary and accessibility needs, whoever arranges the venue.</td></tr>"
    '<tr><th scope="row">Reporting an accessibility problem</th>'
    "<td>Your description, the page or document, your name if you give it, and your email address.</td>"
    "<td>To fix the problem and answer you. ICLD's legal obligation under the Act on accessibility to digital public services.</td>"
    "<td>Two years after we have answered, to follow up on shortcomings.</td>"
    "<td>ICLD's communications team.</td></tr>"
    "</tbody></table>"
    "<p>We never sell data and share it with no one else unless the law requires it. As a "
    "publicly funded body, documents we receive may be covered by the Swedish principle of public "
    "access to official records.</p>"
)
