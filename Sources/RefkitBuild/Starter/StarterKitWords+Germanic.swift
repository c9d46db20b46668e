/// The sample kit in English, German, Dutch and Swedish.
extension StarterKitWords {
    static let english = StarterKitWords(
        business: "Your Business", contactName: "Your Name",
        partnerReward: "What a partner gets for each client they send (a finder's fee, a shared event…)",
        customerReward: "What a customer gets when their friend signs up (a free month…)",
        pages: [
            Page(title: "Who to refer", summary: "One sentence describing your best client, so anyone can picture them.",
                 body: """
                 Describe the clients you do your best work for: their size, their trade, the moment in \
                 their life or business when they need you. Be specific enough that {{source.name}} can \
                 think of a name while reading.

                 | A great fit | Not a fit |
                 |---|---|
                 | Who you love working with | Who you would send elsewhere |
                 """),
            Page(title: "What to listen for", summary: "The things people say just before they need you.",
                 body: "When {{source.name}} hears one of these, that is the moment to mention {{site.name}}."),
            Page(title: "How to refer", summary: "How to make the introduction, in a minute.",
                 body: "The easiest introduction is an e-mail with [your referral link]({{referral.link}}) in it."),
            Page(title: "What happens next", summary: "What you do with a referral, and how the referrer hears about it.",
                 body: """
                 1. Say how quickly you get in touch, and how.
                 2. Say what the first conversation is like.
                 3. Say how you thank {{source.name}} when it works out.
                 """),
            Page(title: "About us", summary: "A page every source gets; delete it, or write anything you like here.",
                 body: "A plain page. Use `audience: partners` or `audience: customers` in the front matter to show a page to only one kind of source."),
        ],
        phrases: ["List the phrases your best clients said before they hired you.",
                  "Write them as they said them, in their words, not yours.",
                  "Three to six is plenty: the handout shows the first six."],
        steps: ["Say why you trust us, in one sentence.",
                "Send them your link, or ask them to quote your code {{source.code}}.",
                "Copy {{site.contact.name}} ({{site.contact.email}}) if you would like us to call them."],
        offerTitle: "Welcome offer", offerValue: "What the referred person gets, in a few words",
        offerTerms: "Your conditions: new clients only, one per business…",
        offerBody: "What the offer is and how to use it. Add `expires: 2027-12-31` to the front matter to end it.",
        partnerName: "Example Partner", customerName: "Example Customer", theirName: "Their Name",
        partnerMessage: "A personal thank-you to this partner, shown on their kit's home page.",
        processSteps: ["Thank the source, call the prospect", "First meeting", "Welcome pack, and tell the source how it went"])

    static let german = StarterKitWords(
        business: "Ihr Unternehmen", contactName: "Ihr Name",
        partnerReward: "Was ein Partner für jeden vermittelten Kunden bekommt (eine Vermittlungsprämie, eine gemeinsame Veranstaltung …)",
        customerReward: "Was ein Kunde bekommt, wenn seine Bekannten Kunde werden (ein Gratismonat …)",
        pages: [
            Page(title: "Wen Sie empfehlen", summary: "Ein Satz, der Ihren besten Kunden beschreibt, sodass jeder ihn vor sich sieht.",
                 body: """
                 Beschreiben Sie die Kunden, für die Sie Ihre beste Arbeit leisten: ihre Größe, ihre Branche, den \
                 Moment in ihrem Leben oder Geschäft, in dem sie Sie brauchen. So genau, dass {{source.name}} beim \
                 Lesen ein Name einfällt.

                 | Passt genau | Passt nicht |
                 |---|---|
                 | Mit wem Sie gern arbeiten | Wen Sie anderswohin schicken würden |
                 """),
            Page(title: "Worauf Sie achten", summary: "Was Menschen sagen, kurz bevor sie Sie brauchen.",
                 body: "Hört {{source.name}} einen dieser Sätze, ist das der Moment, {{site.name}} zu erwähnen."),
            Page(title: "Wie Sie empfehlen", summary: "Wie die Empfehlung in einer Minute gelingt.",
                 body: "Am einfachsten ist eine E-Mail mit [Ihrem Empfehlungslink]({{referral.link}})."),
            Page(title: "Wie es weitergeht", summary: "Was Sie mit einer Empfehlung tun und wie die empfehlende Person davon erfährt.",
                 body: """
                 1. Sagen Sie, wie schnell und auf welchem Weg Sie sich melden.
                 2. Sagen Sie, wie das erste Gespräch abläuft.
                 3. Sagen Sie, wie Sie {{source.name}} danken, wenn es klappt.
                 """),
            Page(title: "Über uns", summary: "Eine Seite, die jede Quelle bekommt: Löschen Sie sie, oder schreiben Sie hier, was Sie möchten.",
                 body: "Eine einfache Seite. Mit `audience: partners` oder `audience: customers` im Front Matter sehen sie nur Quellen einer Art."),
        ],
        phrases: ["Notieren Sie die Sätze, die Ihre besten Kunden sagten, bevor sie Sie beauftragten.",
                  "Schreiben Sie sie so, wie sie gesagt wurden: in deren Worten, nicht in Ihren.",
                  "Drei bis sechs genügen: Die Handreichung zeigt die ersten sechs."],
        steps: ["Sagen Sie in einem Satz, warum Sie uns vertrauen.",
                "Senden Sie Ihren Link, oder bitten Sie darum, Ihren Code {{source.code}} zu nennen.",
                "Setzen Sie {{site.contact.name}} ({{site.contact.email}}) in Kopie, wenn wir anrufen sollen."],
        offerTitle: "Willkommensangebot", offerValue: "Was die empfohlene Person bekommt, in wenigen Worten",
        offerTerms: "Ihre Bedingungen: nur Neukunden, eines pro Unternehmen …",
        offerBody: "Was das Angebot ist und wie man es einlöst. Mit `expires: 2027-12-31` im Front Matter endet es.",
        partnerName: "Beispielpartner", customerName: "Beispielkunde", theirName: "Name der Person",
        partnerMessage: "Ein persönlicher Dank an diesen Partner, auf der Startseite seiner Mappe.",
        processSteps: ["Der Quelle danken, die empfohlene Person anrufen", "Erstes Treffen",
                       "Willkommenspaket, und der Quelle berichten, wie es lief"])

    static let dutch = StarterKitWords(
        business: "Uw bedrijf", contactName: "Uw naam",
        partnerReward: "Wat een partner krijgt voor elke klant die hij aanbrengt (een aanbrengvergoeding, een gezamenlijk evenement…)",
        customerReward: "Wat een klant krijgt als een bekende klant wordt (een gratis maand…)",
        pages: [
            Page(title: "Wie u aanbeveelt", summary: "Eén zin die uw beste klant beschrijft, zodat iedereen zich die kan voorstellen.",
                 body: """
                 Beschrijf de klanten voor wie u uw beste werk doet: hun omvang, hun vak, het moment in hun leven \
                 of bedrijf waarop ze u nodig hebben. Zo concreet dat {{source.name}} bij het lezen aan een naam denkt.

                 | Past goed | Past niet |
                 |---|---|
                 | Met wie u graag werkt | Wie u naar een ander zou sturen |
                 """),
            Page(title: "Waar u op let", summary: "Wat mensen zeggen vlak voordat ze u nodig hebben.",
                 body: "Hoort {{source.name}} een van deze zinnen, dan is dat het moment om {{site.name}} te noemen."),
            Page(title: "Hoe u aanbeveelt", summary: "Hoe u de introductie in een minuut doet.",
                 body: "De makkelijkste introductie is een e-mail met [uw aanbevelingslink]({{referral.link}}) erin."),
            Page(title: "Wat er daarna gebeurt", summary: "Wat u met een aanbeveling doet, en hoe de aanbrenger ervan hoort.",
                 body: """
                 1. Zeg hoe snel u contact opneemt, en hoe.
                 2. Zeg hoe het eerste gesprek verloopt.
                 3. Zeg hoe u {{source.name}} bedankt als het lukt.
                 """),
            Page(title: "Over ons", summary: "Een pagina die elke bron krijgt: verwijder hem, of schrijf hier wat u wilt.",
                 body: "Een eenvoudige pagina. Met `audience: partners` of `audience: customers` in de front matter ziet maar één soort bron hem."),
        ],
        phrases: ["Noteer de zinnen die uw beste klanten zeiden voordat ze u inhuurden.",
                  "Schrijf ze op zoals ze gezegd werden: in hun woorden, niet de uwe.",
                  "Drie tot zes is genoeg: de handout toont de eerste zes."],
        steps: ["Zeg in één zin waarom u ons vertrouwt.",
                "Stuur uw link, of vraag om uw code {{source.code}} te noemen.",
                "Zet {{site.contact.name}} ({{site.contact.email}}) in de cc als u wilt dat wij bellen."],
        offerTitle: "Welkomstaanbod", offerValue: "Wat de aanbevolen persoon krijgt, in een paar woorden",
        offerTerms: "Uw voorwaarden: alleen nieuwe klanten, één per bedrijf…",
        offerBody: "Wat het aanbod is en hoe u het gebruikt. Zet `expires: 2027-12-31` in de front matter om het te beëindigen.",
        partnerName: "Voorbeeldpartner", customerName: "Voorbeeldklant", theirName: "Naam van de persoon",
        partnerMessage: "Een persoonlijk bedankje aan deze partner, op de startpagina van zijn kit.",
        processSteps: ["De bron bedanken, de prospect bellen", "Eerste gesprek", "Welkomstpakket, en de bron vertellen hoe het ging"])

    static let swedish = StarterKitWords(
        business: "Ditt företag", contactName: "Ditt namn",
        partnerReward: "Vad en partner får för varje kund de skickar (ett tipsarvode, ett gemensamt evenemang …)",
        customerReward: "Vad en kund får när en bekant blir kund (en gratis månad …)",
        pages: [
            Page(title: "Vem du ska rekommendera", summary: "En mening som beskriver din bästa kund, så att vem som helst kan se den framför sig.",
                 body: """
                 Beskriv de kunder du gör ditt bästa arbete för: deras storlek, deras bransch, ögonblicket i livet \
                 eller verksamheten när de behöver dig. Så konkret att {{source.name}} kommer på ett namn under läsningen.

                 | Passar perfekt | Passar inte |
                 |---|---|
                 | Vem du gärna arbetar med | Vem du skulle skicka vidare |
                 """),
            Page(title: "Vad du ska lyssna efter", summary: "Det människor säger strax innan de behöver dig.",
                 body: "När {{source.name}} hör någon av de här meningarna är det läge att nämna {{site.name}}."),
            Page(title: "Så rekommenderar du", summary: "Så gör du introduktionen på en minut.",
                 body: "Den enklaste introduktionen är ett mejl med [din rekommendationslänk]({{referral.link}})."),
            Page(title: "Vad som händer sedan", summary: "Vad du gör med en rekommendation, och hur den som rekommenderade får veta det.",
                 body: """
                 1. Berätta hur snabbt du hör av dig, och hur.
                 2. Berätta hur det första samtalet går till.
                 3. Berätta hur du tackar {{source.name}} när det blir av.
                 """),
            Page(title: "Om oss", summary: "En sida som varje källa får: ta bort den, eller skriv vad du vill här.",
                 body: "En enkel sida. Med `audience: partners` eller `audience: customers` i front matter ser bara en sorts källa den."),
        ],
        phrases: ["Skriv ner det dina bästa kunder sa innan de anlitade dig.",
                  "Skriv det som de sa det, med deras ord, inte dina.",
                  "Tre till sex räcker: utskriften visar de sex första."],
        steps: ["Säg i en mening varför du litar på oss.",
                "Skicka din länk, eller be dem nämna din kod {{source.code}}.",
                "Sätt {{site.contact.name}} ({{site.contact.email}}) på kopia om du vill att vi ringer."],
        offerTitle: "Välkomsterbjudande", offerValue: "Vad den rekommenderade personen får, med några ord",
        offerTerms: "Dina villkor: bara nya kunder, ett per företag …",
        offerBody: "Vad erbjudandet är och hur man använder det. Lägg till `expires: 2027-12-31` i front matter för att avsluta det.",
        partnerName: "Exempelpartner", customerName: "Exempelkund", theirName: "Personens namn",
        partnerMessage: "Ett personligt tack till den här partnern, på startsidan i deras kit.",
        processSteps: ["Tacka källan, ring den rekommenderade", "Första mötet", "Välkomstpaket, och berätta för källan hur det gick"])
}
