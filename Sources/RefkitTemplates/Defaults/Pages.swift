extension DefaultTemplates {
    static let home = #"""
{{% CONTENT_TYPE: REFKIT_HTML}}
{{<layout}}
{{$title}}{{t.kit_title}}{{/title}}
{{$bodyclass}}page page--home{{/bodyclass}}
{{$content}}
<section class="hero">
  <h1>{{#source.contact.name}}{{t.greeting_person}}{{/source.contact.name}}{{^source.contact.name}}{{t.greeting_source}}{{/source.contact.name}}</h1>
  <p class="lead">{{t.home_lead}}</p>
  {{#source.message}}<blockquote class="message"><p>{{source.message}}</p>{{#site.contact.name}}<footer>— {{site.contact.name}}, {{site.name}}</footer>{{/site.contact.name}}</blockquote>{{/source.message}}{{#stats}}<p class="stats"><strong>{{text}}</strong></p>{{/stats}}
  {{#source.reward}}<p class="reward"><span class="reward__label">{{t.reward_label}}</span> <span{{{source.reward_lang_attr}}}>{{source.reward}}</span></p>{{/source.reward}}
</section>
<section class="cards" aria-label="{{t.kit_contents}}">
  {{#pages}}
  <a class="card" href="{{url}}"{{{lang_attr}}}>
    <h2>{{title}}</h2>
    {{#summary}}<p>{{summary}}</p>{{/summary}}
  </a>
  {{/pages}}
</section>
{{#links.refer}}
<p class="refer-link"><a class="button" href="{{links.refer}}">{{t.link_refer}}</a></p>
{{/links.refer}}
{{#has_offers}}
<section class="offers" aria-labelledby="offers-title">
  <h2 id="offers-title">{{t.offers_heading}}</h2>
  <ul class="offer-list">
    {{#offers}}
    <li><a href="{{url}}"><strong{{{lang_attr}}}>{{value}}</strong></a> <span class="muted"><span{{{lang_attr}}}>{{title}}</span> · {{t.code_label}} <span class="code" style="--chars:{{code_length}}">{{code}}</span>{{#until_text}} · {{until_text}}{{/until_text}}</span></li>
    {{/offers}}
  </ul>
</section>
{{/has_offers}}
{{#has_library}}
<section class="library-list" aria-labelledby="library-title">
  <h2 id="library-title">{{t.library_heading}}</h2>
  <p>{{t.library_lead}}</p>
  <ul class="offer-list">
    {{#library}}
    <li><a href="{{url}}"><strong{{{lang_attr}}}>{{title}}</strong></a> <span class="muted">{{#is_seminar}}{{t.library_seminar}} · {{when_text}}{{/is_seminar}}{{^is_seminar}}{{t.library_guide}}{{/is_seminar}}</span></li>
    {{/library}}
  </ul>
</section>
{{/has_library}}
{{#has_posts}}
<section class="library-list" aria-labelledby="posts-title">
  <h2 id="posts-title">{{t.network_posts_heading}}</h2>
  <ul class="offer-list">
    {{#posts}}<li><a href="{{url}}"{{{lang_attr}}}>{{title}}</a> <span class="muted"><time datetime="{{date}}">{{date_text}}</time></span></li>{{/posts}}
  </ul>
</section>
{{/has_posts}}
{{#links.network}}
<p class="network-link"><a href="{{links.network}}">{{t.network_title}}</a></p>
{{/links.network}}
{{>referral-box}}
{{/content}}
{{/layout}}

"""#

    static let page = #"""
{{% CONTENT_TYPE: REFKIT_HTML}}
{{<layout}}
{{$title}}{{page.title}} · {{site.name}}{{/title}}
{{$bodyclass}}page page--{{page.kind}}{{/bodyclass}}
{{$content}}
<article class="article"{{{page.lang_attr}}}>
  <h1>{{page.title}}</h1>
  {{#page.summary}}<p class="lead">{{page.summary}}</p>{{/page.summary}}
  {{#page.has_phrases}}
  <ul class="phrases">
    {{#page.phrases}}<li><q>{{.}}</q></li>{{/page.phrases}}
  </ul>
  {{/page.has_phrases}}
  {{#page.has_steps}}
  <ol class="steps">
    {{#page.steps}}<li>{{.}}</li>{{/page.steps}}
  </ol>
  {{/page.has_steps}}
  {{#page.is_how_to_refer}}
  {{#links.refer}}
  <p class="refer-link"><a class="button" href="{{links.refer}}">{{t.link_refer}}</a></p>
  {{/links.refer}}
  {{/page.is_how_to_refer}}
  <div class="prose">
{{{content}}}
  </div>
</article>
{{>referral-box}}
{{/content}}
{{/layout}}

"""#

    static let offer = #"""
{{% CONTENT_TYPE: REFKIT_HTML}}
{{<layout}}
{{$title}}{{offer.title}} · {{site.name}}{{/title}}
{{$bodyclass}}page page--offer{{/bodyclass}}
{{$content}}
<article class="voucher voucher--{{offer.kind}}">
  <p class="voucher__kind">{{#offer.is_gift_certificate}}{{t.gift_certificate}}{{/offer.is_gift_certificate}}{{#offer.is_coupon}}{{t.coupon}}{{/offer.is_coupon}}</p>
  {{#offer.is_gift_certificate}}<p class="voucher__from">{{t.gift_from}}</p>{{/offer.is_gift_certificate}}
  <h1 class="voucher__value"{{{offer.lang_attr}}}>{{offer.value}}</h1>
  <p class="voucher__title"{{{offer.lang_attr}}}>{{offer.title}}</p>
  <p class="voucher__code">{{t.quote_code}} <strong class="code" style="--chars:{{offer.code_length}}">{{offer.code}}</strong></p>
  {{#offer.validity_text}}<p class="voucher__dates">{{offer.validity_text}}</p>{{/offer.validity_text}}
  <div class="prose"{{{offer.lang_attr}}}>
{{{content}}}
  </div>
  <div class="voucher__redeem">
    <div class="qr"><img src="{{referral.qr_url}}" alt="{{t.qr_label}}" width="{{referral.qr_size}}" height="{{referral.qr_size}}"></div>
    <p class="voucher__link">{{t.scan_or_go_to}} <a href="{{referral.printed_link}}" dir="ltr">{{{referral.printed_link_html}}}</a>{{t.scan_and_quote}}</p>
  </div>
  {{#offer.terms}}<p class="voucher__terms"{{{offer.lang_attr}}}>{{offer.terms}}</p>{{/offer.terms}}
</article>
<p class="cutline" aria-hidden="true">✂ {{t.cut_line}}</p>
{{/content}}
{{/layout}}

"""#

    /// `share.html`: ready-made messages, each with plain links to send it (no script).
    static let share = #"""
{{% CONTENT_TYPE: REFKIT_HTML}}
{{<layout}}
{{$title}}{{share.title}} · {{site.name}}{{/title}}
{{$bodyclass}}page page--share{{/bodyclass}}
{{$content}}
<article class="article">
  <h1>{{share.title}}</h1>
  <p class="lead">{{share.summary}}</p>
  {{#content}}<div class="prose">
{{{content}}}
  </div>{{/content}}
  <ol class="share-list">
    {{#share.messages}}
    <li class="share">
      <p class="share__text">{{text}}</p>
      <p class="share__links"><a href="{{email}}">{{t.share_email}}</a> · <a href="{{sms}}">{{t.share_sms}}</a> · <a href="{{whatsapp}}">WhatsApp</a> · <a href="{{linkedin}}">LinkedIn</a> · <a href="{{x}}">X</a></p>
    </li>
    {{/share.messages}}
  </ol>
</article>
{{>referral-box}}
{{/content}}
{{/layout}}

"""#

    /// `refer.html`: the refer-someone form (no script; the browser checks the required fields
    /// and says what is missing). Its field names are what `refkit import` reads back.
    static let refer = #"""
{{% CONTENT_TYPE: REFKIT_HTML}}
{{<layout}}
{{$title}}{{t.refer_title}} · {{site.name}}{{/title}}
{{$bodyclass}}page page--refer{{/bodyclass}}
{{$content}}
<article class="article">
  <h1>{{t.refer_title}}</h1>
  <p class="lead">{{t.refer_lead}}</p>
  <form class="intake"{{#intake.action}} action="{{intake.action}}"{{/intake.action}} method="post"{{#intake.is_mail}} enctype="text/plain"{{/intake.is_mail}}{{#intake.is_netlify}} name="refer" data-netlify="true" netlify-honeypot="_gotcha"{{/intake.is_netlify}}>
    <input type="hidden" name="code" value="{{source.code}}">{{#intake.is_netlify}}<input type="hidden" name="form-name" value="refer">{{/intake.is_netlify}}{{#intake.is_action}}<input type="hidden" name="_subject" value="{{intake.subject}}">{{/intake.is_action}}
    <p class="intake__trap" hidden><label>{{t.refer_trap}} <input name="_gotcha" tabindex="-1" autocomplete="off"></label></p>
    <p class="intake__field"><label for="prospect">{{t.refer_prospect}}</label> <input id="prospect" name="prospect" autocomplete="off" required></p>
    <p class="intake__field"><label for="contact">{{t.refer_contact}}</label> <input id="contact" name="contact" autocomplete="off" required></p>
    <p class="intake__field"><label for="need">{{t.refer_need}}</label> <textarea id="need" name="need" rows="4"></textarea></p>
    <p class="intake__consent"><input type="checkbox" id="consent" name="consent" value="yes" required> <label for="consent">{{t.refer_consent}}</label></p>
    <p>{{#intake.is_mail}}<span class="muted">{{t.refer_by_mail}}</span><br>{{/intake.is_mail}}<button class="button" type="submit">{{t.refer_send}}</button></p>
  </form>
</article>
{{/content}}
{{/layout}}

"""#

    static let directory = #"""
{{% CONTENT_TYPE: REFKIT_HTML}}
<!DOCTYPE html>
<html lang="{{lang}}" dir="{{dir}}">
<head>
{{>head}}
<title>{{t.directory_title}} · {{site.name}}</title>
</head>
<body class="page page--directory">
<a class="skip" href="#main">{{t.skip_link}}</a>
<header class="brandbar">
  <div class="brandbar__inner">
    <span class="brandbar__logos">{{>logos}}{{^brand.site_logo}}<span class="wordmark">{{site.name}}</span>{{/brand.site_logo}}</span>
    <p class="brandbar__title">{{t.directory_title}}</p>
  </div>
</header>
<main id="main">
<h1>{{t.directory_title}}</h1>
{{#has_partners}}
<section>
  <h2>{{t.partners}}</h2>
  <ul class="directory">
    {{#partners}}<li><a href="{{url}}">{{name}}</a> <span class="muted code" style="--chars:{{code_length}}">{{code}}</span></li>{{/partners}}
  </ul>
</section>
{{/has_partners}}
{{#has_customers}}
<section>
  <h2>{{t.customers}}</h2>
  <ul class="directory">
    {{#customers}}<li><a href="{{url}}">{{name}}</a> <span class="muted code" style="--chars:{{code_length}}">{{code}}</span></li>{{/customers}}
  </ul>
</section>
{{/has_customers}}
</main>
<footer class="footer"><p>{{site.name}}</p></footer>
</body>
</html>

"""#
}
