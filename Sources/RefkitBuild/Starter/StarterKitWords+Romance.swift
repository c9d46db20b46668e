/// The sample kit in French, Spanish, Italian and Portuguese.
extension StarterKitWords {
    static let french = StarterKitWords(
        business: "Votre entreprise", contactName: "Votre nom",
        partnerReward: "Ce qu’un partenaire reçoit pour chaque client recommandé (une commission, un événement commun…)",
        customerReward: "Ce qu’un client reçoit quand un proche devient client (un mois offert…)",
        pages: [
            Page(title: "Qui recommander", summary: "Une phrase qui décrit votre meilleur client, pour que chacun puisse se le représenter.",
                 body: """
                 Décrivez les clients pour qui vous faites votre meilleur travail : leur taille, leur métier, le \
                 moment de leur vie ou de leur activité où ils ont besoin de vous. Assez précisément pour que \
                 {{source.name}} pense à un nom en lisant.

                 | Idéal | Pas pour nous |
                 |---|---|
                 | Avec qui vous aimez travailler | Qui vous enverriez ailleurs |
                 """),
            Page(title: "Ce qu’il faut écouter", summary: "Ce que les gens disent juste avant d’avoir besoin de vous.",
                 body: "Quand {{source.name}} entend l’une de ces phrases, c’est le moment de parler de {{site.name}}."),
            Page(title: "Comment recommander", summary: "Comment faire la présentation, en une minute.",
                 body: "La présentation la plus simple : un e-mail avec [votre lien de recommandation]({{referral.link}})."),
            Page(title: "Et ensuite", summary: "Ce que vous faites d’une recommandation, et comment la personne qui recommande en est informée.",
                 body: """
                 1. Dites en combien de temps vous prenez contact, et comment.
                 2. Dites comment se passe le premier échange.
                 3. Dites comment vous remerciez {{source.name}} quand cela aboutit.
                 """),
            Page(title: "À propos", summary: "Une page que reçoit chaque source : supprimez-la, ou écrivez-y ce que vous voulez.",
                 body: "Une page simple. Avec `audience: partners` ou `audience: customers` dans l’en-tête, une seule sorte de source la voit."),
        ],
        phrases: ["Notez les phrases que vos meilleurs clients ont dites avant de faire appel à vous.",
                  "Écrivez-les telles qu’elles ont été dites, avec leurs mots, pas les vôtres.",
                  "Trois à six suffisent : le document imprimable montre les six premières."],
        steps: ["Dites en une phrase pourquoi vous nous faites confiance.",
                "Envoyez votre lien, ou demandez de citer votre code {{source.code}}.",
                "Mettez {{site.contact.name}} ({{site.contact.email}}) en copie si vous souhaitez que nous appelions."],
        offerTitle: "Offre de bienvenue", offerValue: "Ce que reçoit la personne recommandée, en quelques mots",
        offerTerms: "Vos conditions : nouveaux clients uniquement, une par entreprise…",
        offerBody: "Ce qu’est l’offre et comment l’utiliser. Ajoutez `expires: 2027-12-31` à l’en-tête pour y mettre fin.",
        partnerName: "Partenaire exemple", customerName: "Client exemple", theirName: "Nom de la personne",
        partnerMessage: "Un remerciement personnel à ce partenaire, affiché sur la page d’accueil de son kit.",
        processSteps: ["Remercier la source, appeler le prospect", "Premier rendez-vous",
                       "Pack de bienvenue, et dire à la source comment cela s’est passé"])

    static let spanish = StarterKitWords(
        business: "Su empresa", contactName: "Su nombre",
        partnerReward: "Lo que recibe un socio por cada cliente que envía (una comisión, un evento conjunto…)",
        customerReward: "Lo que recibe un cliente cuando un conocido se hace cliente (un mes gratis…)",
        pages: [
            Page(title: "A quién recomendar", summary: "Una frase que describa a su mejor cliente, para que cualquiera pueda imaginarlo.",
                 body: """
                 Describa a los clientes con los que hace su mejor trabajo: su tamaño, su sector, el momento de su \
                 vida o de su negocio en que le necesitan. Con el detalle suficiente para que {{source.name}} piense \
                 en un nombre al leerlo.

                 | Encaja | No encaja |
                 |---|---|
                 | Con quién le gusta trabajar | A quién enviaría a otro sitio |
                 """),
            Page(title: "Qué escuchar", summary: "Lo que la gente dice justo antes de necesitarle.",
                 body: "Cuando {{source.name}} oiga una de estas frases, es el momento de mencionar {{site.name}}."),
            Page(title: "Cómo recomendar", summary: "Cómo hacer la presentación en un minuto.",
                 body: "La presentación más sencilla es un correo con [su enlace de recomendación]({{referral.link}})."),
            Page(title: "Qué pasa después", summary: "Qué hace usted con una recomendación y cómo se entera quien recomienda.",
                 body: """
                 1. Diga con qué rapidez se pone en contacto, y cómo.
                 2. Diga cómo es la primera conversación.
                 3. Diga cómo da las gracias a {{source.name}} cuando sale bien.
                 """),
            Page(title: "Sobre nosotros", summary: "Una página que recibe cada fuente: bórrela o escriba aquí lo que quiera.",
                 body: "Una página sencilla. Con `audience: partners` o `audience: customers` en el encabezado, solo la ve un tipo de fuente."),
        ],
        phrases: ["Anote las frases que dijeron sus mejores clientes antes de contratarle.",
                  "Escríbalas como las dijeron, con sus palabras, no con las suyas.",
                  "Entre tres y seis bastan: el folleto muestra las seis primeras."],
        steps: ["Diga en una frase por qué confía en nosotros.",
                "Envíe su enlace, o pida que mencionen su código {{source.code}}.",
                "Ponga en copia a {{site.contact.name}} ({{site.contact.email}}) si quiere que llamemos."],
        offerTitle: "Oferta de bienvenida", offerValue: "Lo que recibe la persona recomendada, en pocas palabras",
        offerTerms: "Sus condiciones: solo clientes nuevos, una por empresa…",
        offerBody: "Qué es la oferta y cómo usarla. Añada `expires: 2027-12-31` al encabezado para terminarla.",
        partnerName: "Socio de ejemplo", customerName: "Cliente de ejemplo", theirName: "Nombre de la persona",
        partnerMessage: "Un agradecimiento personal a este socio, en la página de inicio de su kit.",
        processSteps: ["Dar las gracias a la fuente, llamar al cliente potencial", "Primera reunión",
                       "Paquete de bienvenida, y contar a la fuente cómo fue"])

    static let italian = StarterKitWords(
        business: "La vostra azienda", contactName: "Il vostro nome",
        partnerReward: "Cosa riceve un partner per ogni cliente segnalato (una provvigione, un evento comune…)",
        customerReward: "Cosa riceve un cliente quando un conoscente diventa cliente (un mese gratuito…)",
        pages: [
            Page(title: "Chi segnalare", summary: "Una frase che descrive il vostro cliente ideale, perché chiunque possa immaginarlo.",
                 body: """
                 Descrivete i clienti per cui fate il vostro lavoro migliore: dimensioni, settore, il momento della \
                 loro vita o attività in cui hanno bisogno di voi. Abbastanza precisi perché {{source.name}} pensi a \
                 un nome leggendo.

                 | Ideale | Non adatto |
                 |---|---|
                 | Con chi amate lavorare | Chi mandereste altrove |
                 """),
            Page(title: "Cosa ascoltare", summary: "Ciò che le persone dicono poco prima di aver bisogno di voi.",
                 body: "Quando {{source.name}} sente una di queste frasi, è il momento di parlare di {{site.name}}."),
            Page(title: "Come segnalare", summary: "Come fare la presentazione, in un minuto.",
                 body: "La presentazione più semplice è un’e-mail con [il vostro link di segnalazione]({{referral.link}})."),
            Page(title: "Cosa succede dopo", summary: "Cosa fate con una segnalazione e come lo viene a sapere chi segnala.",
                 body: """
                 1. Dite quanto presto vi mettete in contatto, e come.
                 2. Dite com’è il primo colloquio.
                 3. Dite come ringraziate {{source.name}} quando va a buon fine.
                 """),
            Page(title: "Chi siamo", summary: "Una pagina che ogni fonte riceve: eliminatela o scriveteci ciò che volete.",
                 body: "Una pagina semplice. Con `audience: partners` o `audience: customers` nell’intestazione la vede un solo tipo di fonte."),
        ],
        phrases: ["Annotate le frasi che i vostri migliori clienti hanno detto prima di scegliervi.",
                  "Scrivetele come sono state dette, con le loro parole, non le vostre.",
                  "Da tre a sei bastano: il volantino mostra le prime sei."],
        steps: ["Dite in una frase perché vi fidate di noi.",
                "Inviate il vostro link, o chiedete di citare il vostro codice {{source.code}}.",
                "Mettete in copia {{site.contact.name}} ({{site.contact.email}}) se volete che chiamiamo noi."],
        offerTitle: "Offerta di benvenuto", offerValue: "Cosa riceve la persona segnalata, in poche parole",
        offerTerms: "Le vostre condizioni: solo nuovi clienti, una per azienda…",
        offerBody: "Che cos’è l’offerta e come usarla. Aggiungete `expires: 2027-12-31` all’intestazione per terminarla.",
        partnerName: "Partner di esempio", customerName: "Cliente di esempio", theirName: "Nome della persona",
        partnerMessage: "Un ringraziamento personale a questo partner, sulla pagina iniziale del suo kit.",
        processSteps: ["Ringraziare la fonte, chiamare il potenziale cliente", "Primo incontro",
                       "Pacchetto di benvenuto, e dire alla fonte com’è andata"])

    static let portuguese = StarterKitWords(
        business: "A sua empresa", contactName: "O seu nome",
        partnerReward: "O que um parceiro recebe por cada cliente que indica (uma comissão, um evento conjunto…)",
        customerReward: "O que um cliente recebe quando um conhecido se torna cliente (um mês grátis…)",
        pages: [
            Page(title: "Quem indicar", summary: "Uma frase que descreve o seu melhor cliente, para que qualquer pessoa o imagine.",
                 body: """
                 Descreva os clientes para quem faz o seu melhor trabalho: a dimensão, o setor, o momento da vida ou \
                 do negócio em que precisam de si. Com detalhe suficiente para que {{source.name}} pense num nome ao ler.

                 | Encaixa | Não encaixa |
                 |---|---|
                 | Com quem gosta de trabalhar | Quem enviaria para outro lado |
                 """),
            Page(title: "O que escutar", summary: "O que as pessoas dizem pouco antes de precisarem de si.",
                 body: "Quando {{source.name}} ouvir uma destas frases, é o momento de mencionar {{site.name}}."),
            Page(title: "Como indicar", summary: "Como fazer a apresentação num minuto.",
                 body: "A apresentação mais simples é um e-mail com [o seu link de indicação]({{referral.link}})."),
            Page(title: "O que acontece depois", summary: "O que faz com uma indicação e como quem indica fica a saber.",
                 body: """
                 1. Diga com que rapidez entra em contacto, e como.
                 2. Diga como é a primeira conversa.
                 3. Diga como agradece a {{source.name}} quando corre bem.
                 """),
            Page(title: "Sobre nós", summary: "Uma página que todas as fontes recebem: apague-a ou escreva aqui o que quiser.",
                 body: "Uma página simples. Com `audience: partners` ou `audience: customers` no cabeçalho, só um tipo de fonte a vê."),
        ],
        phrases: ["Anote as frases que os seus melhores clientes disseram antes de o contratar.",
                  "Escreva-as como foram ditas, com as palavras deles, não as suas.",
                  "Três a seis chegam: o folheto mostra as seis primeiras."],
        steps: ["Diga numa frase porque confia em nós.",
                "Envie o seu link, ou peça que indiquem o seu código {{source.code}}.",
                "Ponha {{site.contact.name}} ({{site.contact.email}}) em cópia se quiser que liguemos."],
        offerTitle: "Oferta de boas-vindas", offerValue: "O que a pessoa indicada recebe, em poucas palavras",
        offerTerms: "As suas condições: só clientes novos, uma por empresa…",
        offerBody: "O que é a oferta e como usá-la. Acrescente `expires: 2027-12-31` ao cabeçalho para a terminar.",
        partnerName: "Parceiro de exemplo", customerName: "Cliente de exemplo", theirName: "Nome da pessoa",
        partnerMessage: "Um agradecimento pessoal a este parceiro, na página inicial do seu kit.",
        processSteps: ["Agradecer à fonte, ligar ao potencial cliente", "Primeira reunião",
                       "Pacote de boas-vindas, e contar à fonte como correu"])
}
