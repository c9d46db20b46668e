import RefkitI18n

/// The sample text `refkit new` writes, in each language refkit ships words for: a new file
/// speaks the kit's language (`site.yml`'s `language`), and `check` knows every one of these as
/// sample text, whichever language wrote it.
public struct StarterWords: Sendable {
    public var offerValue: String
    public var offerBody: String
    public var phrase: String
    public var step: String
    public var pageBody: String
    public var libraryBody: String
    public var postBody: String
    public var seminarWhere: String

    /// The words for `language` (a BCP 47 tag): its own, its primary subtag's, or English's.
    public static func of(_ language: String) -> StarterWords {
        byLanguage[language] ?? byLanguage[Language.subtag(of: language)] ?? byLanguage["en"]!
    }

    /// Field values (front matter) and whole texts (a Markdown body), in every language.
    static var values: [String] { byLanguage.values.flatMap { [$0.offerValue, $0.phrase, $0.step, $0.seminarWhere] } }
    static var bodies: [String] { byLanguage.values.flatMap { [$0.offerBody, $0.pageBody, $0.libraryBody, $0.postBody] } }

    static let byLanguage: [String: StarterWords] = [
        "en": StarterWords(
            offerValue: "What the referred person gets", offerBody: "What the offer is and how to use it.",
            phrase: "A phrase your best clients said before they hired you", step: "The first step of an introduction",
            pageBody: "Write the page in Markdown. {{source.name}} and {{referral.link}} are filled in for each source.",
            libraryBody: "Write the piece in Markdown for the customers of {{source.name}}: what they learn in a few minutes.",
            postBody: "Write the post in Markdown.", seminarWhere: "Where it takes place (or online: how to join)"),
        "de": StarterWords(
            offerValue: "Was die empfohlene Person bekommt", offerBody: "Was das Angebot ist und wie man es einlöst.",
            phrase: "Ein Satz, den Ihre besten Kunden sagten, bevor sie Sie beauftragten", step: "Der erste Schritt einer Empfehlung",
            pageBody: "Schreiben Sie die Seite in Markdown. {{source.name}} und {{referral.link}} werden für jede Quelle eingesetzt.",
            libraryBody: "Schreiben Sie den Beitrag in Markdown für die Kunden von {{source.name}}: was sie in wenigen Minuten lernen.",
            postBody: "Schreiben Sie den Beitrag in Markdown.", seminarWhere: "Wo es stattfindet (oder online: wie man teilnimmt)"),
        "fr": StarterWords(
            offerValue: "Ce que reçoit la personne recommandée", offerBody: "Ce qu’est l’offre et comment l’utiliser.",
            phrase: "Une phrase que vos meilleurs clients ont dite avant de faire appel à vous",
            step: "La première étape d’une mise en relation",
            pageBody: "Écrivez la page en Markdown. {{source.name}} et {{referral.link}} sont remplis pour chaque source.",
            libraryBody: "Écrivez l’article en Markdown pour les clients de {{source.name}} : ce qu’ils apprennent en quelques minutes.",
            postBody: "Écrivez l’article en Markdown.", seminarWhere: "Où il a lieu (ou en ligne : comment y participer)"),
        "es": StarterWords(
            offerValue: "Lo que recibe la persona recomendada", offerBody: "Qué es la oferta y cómo usarla.",
            phrase: "Una frase que dijeron sus mejores clientes antes de contratarle", step: "El primer paso de una presentación",
            pageBody: "Escriba la página en Markdown. {{source.name}} y {{referral.link}} se completan para cada fuente.",
            libraryBody: "Escriba el artículo en Markdown para los clientes de {{source.name}}: lo que aprenden en pocos minutos.",
            postBody: "Escriba la entrada en Markdown.", seminarWhere: "Dónde se celebra (o en línea: cómo unirse)"),
        "it": StarterWords(
            offerValue: "Cosa riceve la persona segnalata", offerBody: "Che cos’è l’offerta e come usarla.",
            phrase: "Una frase che i vostri migliori clienti hanno detto prima di scegliervi", step: "Il primo passo di una presentazione",
            pageBody: "Scrivete la pagina in Markdown. {{source.name}} e {{referral.link}} vengono compilati per ogni fonte.",
            libraryBody: "Scrivete il contenuto in Markdown per i clienti di {{source.name}}: cosa imparano in pochi minuti.",
            postBody: "Scrivete l’articolo in Markdown.", seminarWhere: "Dove si svolge (oppure online: come partecipare)"),
        "nl": StarterWords(
            offerValue: "Wat de aanbevolen persoon krijgt", offerBody: "Wat het aanbod is en hoe je het gebruikt.",
            phrase: "Een zin die uw beste klanten zeiden voordat ze u inhuurden", step: "De eerste stap van een introductie",
            pageBody: "Schrijf de pagina in Markdown. {{source.name}} en {{referral.link}} worden voor elke bron ingevuld.",
            libraryBody: "Schrijf het stuk in Markdown voor de klanten van {{source.name}}: wat ze in een paar minuten leren.",
            postBody: "Schrijf het bericht in Markdown.", seminarWhere: "Waar het plaatsvindt (of online: hoe je deelneemt)"),
        "pl": StarterWords(
            offerValue: "Co otrzymuje polecona osoba", offerBody: "Czym jest oferta i jak z niej skorzystać.",
            phrase: "Zdanie, które mówili najlepsi klienci, zanim Państwa zatrudnili", step: "Pierwszy krok polecenia",
            pageBody: "Proszę napisać stronę w Markdown. {{source.name}} i {{referral.link}} są uzupełniane dla każdego źródła.",
            libraryBody: "Proszę napisać materiał w Markdown dla klientów źródła: czego dowiedzą się w kilka minut.",
            postBody: "Proszę napisać wpis w Markdown.", seminarWhere: "Gdzie się odbywa (lub online: jak dołączyć)"),
        "pt": StarterWords(
            offerValue: "O que a pessoa indicada recebe", offerBody: "O que é a oferta e como usá-la.",
            phrase: "Uma frase que os seus melhores clientes disseram antes de o contratar", step: "O primeiro passo de uma indicação",
            pageBody: "Escreva a página em Markdown. {{source.name}} e {{referral.link}} são preenchidos para cada fonte.",
            libraryBody: "Escreva o conteúdo em Markdown para os clientes de {{source.name}}: o que aprendem em poucos minutos.",
            postBody: "Escreva a publicação em Markdown.", seminarWhere: "Onde acontece (ou online: como participar)"),
        "sv": StarterWords(
            offerValue: "Vad den rekommenderade personen får", offerBody: "Vad erbjudandet är och hur man använder det.",
            phrase: "En mening som dina bästa kunder sa innan de anlitade dig", step: "Första steget i en introduktion",
            pageBody: "Skriv sidan i Markdown. {{source.name}} och {{referral.link}} fylls i för varje källa.",
            libraryBody: "Skriv texten i Markdown för kunderna hos {{source.name}}: vad de lär sig på några minuter.",
            postBody: "Skriv inlägget i Markdown.", seminarWhere: "Var det äger rum (eller online: hur man ansluter)"),
        "ar": StarterWords(
            offerValue: "ما يحصل عليه الشخص المُحال", offerBody: "ما هو العرض وكيف يُستخدم.",
            phrase: "عبارة قالها أفضل عملائك قبل أن يتعاملوا معك", step: "الخطوة الأولى في التعريف",
            pageBody: "اكتب الصفحة بصيغة Markdown. يُملأ {{source.name}} و {{referral.link}} لكل مصدر.",
            libraryBody: "اكتب المقال بصيغة Markdown لعملاء {{source.name}}: ما يتعلمونه في دقائق.",
            postBody: "اكتب التدوينة بصيغة Markdown.", seminarWhere: "مكان انعقادها (أو عبر الإنترنت: كيفية الانضمام)"),
    ]
}
