extension DefaultTemplates {
    static let home = #"""
{{% CONTENT_TYPE: REFKIT_HTML}}
{{<layout}}
{{$title}}Referral kit for {{source.name}} · {{site.name}}{{/title}}
{{$bodyclass}}page page--home{{/bodyclass}}
{{$content}}
<section class="hero">
  <h1>{{#source.contact.name}}Hello {{source.contact.name}}{{/source.contact.name}}{{^source.contact.name}}Hello, {{source.name}}{{/source.contact.name}}</h1>
  <p class="lead">Thank you for sending people our way. This kit has everything you need to know who to refer to {{site.name}}, what to listen for, and how to introduce them.</p>
  {{#source.message}}<blockquote class="message"><p>{{source.message}}</p>{{#site.contact.name}}<footer>— {{site.contact.name}}, {{site.name}}</footer>{{/site.contact.name}}</blockquote>{{/source.message}}{{#stats}}<p class="stats"><strong>{{text}}</strong></p>{{/stats}}
  {{#source.reward}}<p class="reward"><span class="reward__label">What's in it for you</span> {{source.reward}}</p>{{/source.reward}}
</section>
<section class="cards" aria-label="In this kit">
  {{#pages}}
  <a class="card" href="{{url}}">
    <h2>{{title}}</h2>
    {{#summary}}<p>{{summary}}</p>{{/summary}}
  </a>
  {{/pages}}
</section>
{{#has_offers}}
<section class="offers" aria-labelledby="offers-title">
  <h2 id="offers-title">Offers for the people you refer</h2>
  <ul class="offer-list">
    {{#offers}}
    <li><a href="{{url}}"><strong>{{value}}</strong></a> <span class="muted">{{title}} · code <span class="code">{{code}}</span>{{#expires_text}} · until {{expires_text}}{{/expires_text}}</span></li>
    {{/offers}}
  </ul>
</section>
{{/has_offers}}
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
<article class="article">
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
  <p class="voucher__kind">{{#offer.is_gift_certificate}}Gift certificate{{/offer.is_gift_certificate}}{{#offer.is_coupon}}Coupon{{/offer.is_coupon}}</p>
  {{#offer.is_gift_certificate}}<p class="voucher__from">From {{source.name}}, with {{site.name}}</p>{{/offer.is_gift_certificate}}
  <h1 class="voucher__value">{{offer.value}}</h1>
  <p class="voucher__title">{{offer.title}}</p>
  <p class="voucher__code">Quote code <strong class="code">{{offer.code}}</strong></p>
  {{#offer.validity_text}}<p class="voucher__dates">{{offer.validity_text}}</p>{{/offer.validity_text}}
  <div class="prose">
{{{content}}}
  </div>
  <div class="voucher__redeem">
    <div class="qr">{{{referral.qr_svg}}}</div>
    <p class="voucher__link">Scan, or go to <a href="{{referral.link}}">{{referral.link}}</a>, and quote the code above.</p>
  </div>
  {{#offer.terms}}<p class="voucher__terms">{{offer.terms}}</p>{{/offer.terms}}
</article>
<p class="cutline" aria-hidden="true">✂ cut along the border</p>
{{/content}}
{{/layout}}

"""#

    static let directory = #"""
{{% CONTENT_TYPE: REFKIT_HTML}}
<!DOCTYPE html>
<html lang="{{lang}}">
<head>
{{>head}}
<title>Referral kits · {{site.name}}</title>
</head>
<body class="page page--directory">
<header class="brandbar">
  <div class="brandbar__inner">
    <span class="brandbar__logos">{{#brand.site_logo}}<span class="logo"><img src="{{brand.site_logo}}" alt="{{site.name}}"></span>{{/brand.site_logo}}{{^brand.site_logo}}<span class="wordmark">{{site.name}}</span>{{/brand.site_logo}}</span>
    <p class="brandbar__title">Referral kits</p>
  </div>
</header>
<main>
<h1>Referral kits</h1>
{{#has_partners}}
<section>
  <h2>Partners</h2>
  <ul class="directory">
    {{#partners}}<li><a href="{{url}}">{{name}}</a> <span class="muted code">{{code}}</span></li>{{/partners}}
  </ul>
</section>
{{/has_partners}}
{{#has_customers}}
<section>
  <h2>Customers</h2>
  <ul class="directory">
    {{#customers}}<li><a href="{{url}}">{{name}}</a> <span class="muted code">{{code}}</span></li>{{/customers}}
  </ul>
</section>
{{/has_customers}}
</main>
<footer class="footer"><p>{{site.name}}</p></footer>
</body>
</html>

"""#
}
