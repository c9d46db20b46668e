/// The sample kit in Polish (formal, "Państwo"; a name only where Polish asks no case ending of
/// it) and Arabic.
extension StarterKitWords {
    static let polish = StarterKitWords(
        business: "Nazwa firmy", contactName: "Imię i nazwisko",
        partnerReward: "Co partner otrzymuje za każdego poleconego klienta (prowizję, wspólne wydarzenie…)",
        customerReward: "Co klient otrzymuje, gdy polecona osoba zostanie klientem (darmowy miesiąc…)",
        pages: [
            Page(title: "Kogo polecać", summary: "Jedno zdanie opisujące Państwa najlepszego klienta, tak aby każdy mógł go sobie wyobrazić.",
                 body: """
                 Proszę opisać klientów, dla których wykonują Państwo najlepszą pracę: ich wielkość, branżę, moment \
                 w życiu lub w firmie, w którym Państwa potrzebują. Na tyle konkretnie, aby czytającemu od razu \
                 przyszło na myśl czyjeś nazwisko.

                 | Idealny klient | Nie dla nas |
                 |---|---|
                 | Z kim lubią Państwo pracować | Kogo odesłaliby Państwo gdzie indziej |
                 """),
            Page(title: "Na co zwracać uwagę", summary: "Co ludzie mówią tuż przed tym, gdy nas potrzebują.",
                 body: "Gdy padnie jedno z tych zdań, to dobry moment, aby wspomnieć o nas: {{site.name}}."),
            Page(title: "Jak polecać", summary: "Jak w minutę przedstawić nas komuś.",
                 body: "Najprostsze polecenie to e-mail z [Państwa linkiem polecającym]({{referral.link}})."),
            Page(title: "Co dalej", summary: "Co robią Państwo z poleceniem i jak osoba polecająca się o tym dowiaduje.",
                 body: """
                 1. Jak szybko i w jaki sposób się Państwo kontaktują.
                 2. Jak wygląda pierwsza rozmowa.
                 3. Jak dziękują Państwo osobie polecającej, gdy się uda.
                 """),
            Page(title: "O nas", summary: "Strona, którą otrzymuje każde źródło: można ją usunąć lub napisać tu cokolwiek.",
                 body: "Zwykła strona. Z `audience: partners` lub `audience: customers` w nagłówku widzi ją tylko jeden rodzaj źródeł."),
        ],
        phrases: ["Proszę zapisać zdania, które mówili najlepsi klienci, zanim Państwa zatrudnili.",
                  "Tak, jak je powiedzieli: ich słowami, nie Państwa.",
                  "Wystarczą trzy do sześciu: ulotka pokazuje pierwsze sześć."],
        steps: ["Proszę powiedzieć w jednym zdaniu, dlaczego nam Państwo ufają.",
                "Proszę wysłać swój link lub poprosić o podanie Państwa kodu: {{source.code}}.",
                "Jeśli mamy zadzwonić, prosimy dodać do kopii: {{site.contact.name}} ({{site.contact.email}})."],
        offerTitle: "Oferta powitalna", offerValue: "Co otrzymuje polecona osoba, w kilku słowach",
        offerTerms: "Państwa warunki: tylko nowi klienci, jedna na firmę…",
        offerBody: "Czym jest oferta i jak z niej skorzystać. Wpis `expires: 2027-12-31` w nagłówku kończy ją tego dnia.",
        partnerName: "Przykładowy partner", customerName: "Przykładowy klient", theirName: "Imię i nazwisko osoby",
        partnerMessage: "Osobiste podziękowanie dla tego partnera, na stronie głównej jego pakietu.",
        processSteps: ["Podziękować źródłu, zadzwonić do potencjalnego klienta", "Pierwsze spotkanie",
                       "Pakiet powitalny i informacja dla źródła, jak poszło"])

    static let arabic = StarterKitWords(
        business: "اسم نشاطك التجاري", contactName: "اسمك",
        partnerReward: "ما يحصل عليه الشريك مقابل كل عميل يحيله (عمولة إحالة، فعالية مشتركة…)",
        customerReward: "ما يحصل عليه العميل عندما يصبح أحد معارفه عميلًا (شهر مجاني…)",
        pages: [
            Page(title: "من تُحيل إلينا", summary: "جملة واحدة تصف أفضل عملائك، ليتخيّله أي شخص.",
                 body: """
                 صف العملاء الذين تقدّم لهم أفضل عملك: حجمهم، ومجالهم، واللحظة في حياتهم أو أعمالهم التي \
                 يحتاجونك فيها. كن محددًا بما يكفي ليخطر ببال {{source.name}} اسمٌ أثناء القراءة.

                 | مناسب تمامًا | غير مناسب |
                 |---|---|
                 | من تحب العمل معه | من ترسله إلى جهة أخرى |
                 """),
            Page(title: "ما الذي تنتبه إليه", summary: "ما يقوله الناس قبل أن يحتاجوك مباشرة.",
                 body: "عندما يسمع {{source.name}} إحدى هذه العبارات، فهذه هي اللحظة لذكر {{site.name}}."),
            Page(title: "كيف تُحيل", summary: "كيف تقدّم التعريف في دقيقة.",
                 body: "أسهل تعريف هو بريد إلكتروني فيه [رابط الإحالة الخاص بك]({{referral.link}})."),
            Page(title: "ماذا يحدث بعد ذلك", summary: "ما تفعله بالإحالة، وكيف يعرف صاحبها بما جرى.",
                 body: """
                 1. اذكر مدى سرعة تواصلك، وكيف.
                 2. اذكر كيف تكون المحادثة الأولى.
                 3. اذكر كيف تشكر {{source.name}} عندما تنجح الإحالة.
                 """),
            Page(title: "من نحن", summary: "صفحة يحصل عليها كل مصدر: احذفها، أو اكتب هنا ما تشاء.",
                 body: "صفحة بسيطة. استخدم `audience: partners` أو `audience: customers` في الترويسة ليراها نوع واحد من المصادر."),
        ],
        phrases: ["اكتب العبارات التي قالها أفضل عملائك قبل أن يتعاملوا معك.",
                  "اكتبها كما قيلت، بكلماتهم لا بكلماتك.",
                  "من ثلاث إلى ست عبارات تكفي: تعرض النشرة المطبوعة أول ست."],
        steps: ["قل في جملة واحدة لماذا تثق بنا.",
                "أرسل رابطك، أو اطلب منهم ذكر رمزك {{source.code}}.",
                "أضف {{site.contact.name}} ({{site.contact.email}}) في النسخة إذا أردت أن نتصل بهم."],
        offerTitle: "عرض ترحيبي", offerValue: "ما يحصل عليه الشخص المُحال، في كلمات قليلة",
        offerTerms: "شروطك: للعملاء الجدد فقط، عرض واحد لكل نشاط…",
        offerBody: "ما هو العرض وكيف يُستخدم. أضف `expires: 2027-12-31` إلى الترويسة لإنهائه.",
        partnerName: "شريك نموذجي", customerName: "عميل نموذجي", theirName: "اسم الشخص",
        partnerMessage: "شكر شخصي لهذا الشريك، يظهر في الصفحة الرئيسية لمجموعته.",
        processSteps: ["اشكر المصدر واتصل بالعميل المحتمل", "الاجتماع الأول", "حزمة الترحيب، وأخبر المصدر بما جرى"])
}
