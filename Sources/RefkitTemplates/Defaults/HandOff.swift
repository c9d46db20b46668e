extension DefaultTemplates {
    /// One printed page on A4 and on US Letter: the sheet is never taller than Letter's printable
    /// height, lists are capped (validation warns), and long items are clamped to two lines.
    static let handout = #"""
{{% CONTENT_TYPE: REFKIT_HTML}}
<!DOCTYPE html>
<html lang="{{lang}}" dir="{{dir}}">
<head>
{{>head}}
<title>{{t.handout_title}}</title>
</head>
<body class="print-body">
<a class="skip" href="#main">{{t.skip_link}}</a>
<main id="main">
<article class="sheet">
  <header class="sheet__header">
    <div class="sheet__logos">{{>logos}}</div>
    <div class="sheet__heading">
      <p class="sheet__eyebrow">{{t.handout_eyebrow}}</p>
      <h1>{{t.handout_heading}}</h1>
    </div>
  </header>
  <div class="sheet__grid">
    <div class="sheet__main">
      {{#handout.who}}<section><h2>{{t.handout_who}}</h2><p class="clamp4"{{{lang_attr}}}>{{summary}}</p></section>{{/handout.who}}
      {{#handout.has_phrases}}<section><h2>{{t.handout_listen}}</h2><ul class="sheet__phrases"{{{handout.phrases_lang_attr}}}>{{#handout.phrases}}<li><span class="clamp2">{{handout.quote_open}}{{.}}{{handout.quote_close}}</span></li>{{/handout.phrases}}</ul></section>{{/handout.has_phrases}}
      {{#handout.has_steps}}<section><h2>{{t.handout_how}}</h2><ol class="sheet__steps"{{{handout.steps_lang_attr}}}>{{#handout.steps}}<li><span class="clamp2">{{.}}</span></li>{{/handout.steps}}</ol></section>{{/handout.has_steps}}
      {{#handout.next}}<section class="sheet__next"><h2>{{t.handout_next}}</h2><p class="clamp3"{{{lang_attr}}}>{{summary}}</p></section>{{/handout.next}}
      {{^handout.has_guide}}<section class="sheet__pages-section"><h2>{{t.handout_pages}}</h2><ul class="sheet__pages">{{#handout.pages}}<li{{{lang_attr}}}><strong>{{title}}</strong>{{#summary}}<br><span class="clamp2">{{summary}}</span>{{/summary}}</li>{{/handout.pages}}</ul><p>{{t.handout_pages_note}}</p></section>{{/handout.has_guide}}
    </div>
    <aside class="sheet__side" aria-label="{{t.handout_scan}}">
      <div class="sheet__qr"><div class="qr"><img src="{{referral.qr_url}}" alt="{{t.qr_label}}" width="{{referral.qr_size}}" height="{{referral.qr_size}}"></div><p>{{t.handout_scan}} <strong class="code" style="--chars:{{source.code_length}}">{{source.code}}</strong></p></div>
      {{#handout.offer}}<div class="sheet__offer"><p class="sheet__label">{{#is_gift_certificate}}{{t.gift_certificate}}{{/is_gift_certificate}}{{#is_coupon}}{{t.coupon}}{{/is_coupon}}</p><p class="sheet__value clamp3"{{{lang_attr}}}>{{value}}</p><p>{{t.code_caption}} <strong class="code" style="--chars:{{code_length}}">{{code}}</strong></p>{{#validity_text}}<p class="sheet__small">{{validity_text}}</p>{{/validity_text}}</div>{{/handout.offer}}
      {{#source.reward}}<div class="sheet__reward"><p class="sheet__label">{{t.reward_label}}</p><p class="clamp4"{{{source.reward_lang_attr}}}>{{source.reward}}</p></div>{{/source.reward}}
      {{#site.has_contact}}<div class="sheet__contact"><p class="sheet__label">{{t.questions}}</p><p>{{#site.contact.name}}{{site.contact.name}}<br>{{/site.contact.name}}{{#site.contact.email}}<bdi dir="ltr">{{{site.contact.email_html}}}</bdi><br>{{/site.contact.email}}{{#site.contact.phone}}<bdi dir="ltr">{{site.contact.phone}}</bdi>{{/site.contact.phone}}</p></div>{{/site.has_contact}}
    </aside>
  </div>
  <footer class="sheet__footer"><p>{{site.name}} · {{t.your_code}} <strong class="code" style="--chars:{{source.code_length}}">{{source.code}}</strong></p><p class="sheet__link" dir="ltr">{{{referral.printed_link_html}}}</p></footer>
</article>
</main>
</body>
</html>

"""#

    /// An introduction e-mail: table layout and inline styles (no style sheet but the dark-mode
    /// rules, no script, and no obsolete table attributes: the output validates), every link and
    /// image absolute, because it is pasted into a mail program. Logos are PNG (an SVG logo is
    /// drawn into one, on white, so it reads on a dark background too) with their size given.
    static let email = #"""
{{% CONTENT_TYPE: REFKIT_HTML}}
<!DOCTYPE html>
<html lang="{{lang}}" dir="{{dir}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="supported-color-schemes" content="light dark">
{{#noindex}}<meta name="robots" content="noindex">
{{/noindex}}<title>{{t.email_subject}}</title>
<style>
@media (prefers-color-scheme: dark) {
  .rk-page { background-color: #111111 !important; }
  .rk-card { background-color: #1c1c1e !important; color: #f2f2f2 !important; }
  .rk-foot, .rk-foot a { color: #c7c7cc !important; border-color: #3a3a3c !important; }
}
</style>
</head>
<body class="rk-page" style="margin:0;padding:0;background-color:#f4f4f1;">
<main>
<table role="presentation" class="rk-page" style="width:100%;border-collapse:collapse;border-spacing:0;background-color:#f4f4f1;">
<tr><td style="padding:24px 12px;text-align:center;">
<table role="presentation" class="rk-card" style="width:100%;max-width:600px;margin:0 auto;table-layout:fixed;border-collapse:collapse;border-spacing:0;background-color:#ffffff;color:#1d1d1f;text-align:start;">
{{#brand.logos}}<tr><td style="padding:20px 28px 8px 28px;">{{#partner}}<img src="{{url}}" alt="{{alt}}" width="{{width}}" height="{{height}}" style="display:inline-block;vertical-align:middle;max-width:100%;height:auto;border:0;margin:0 12px 12px 0;">{{/partner}}{{#site}}<img src="{{url}}" alt="{{alt}}" width="{{width}}" height="{{height}}" style="display:inline-block;vertical-align:middle;max-width:100%;height:auto;border:0;margin:0 12px 12px 0;">{{/site}}</td></tr>{{/brand.logos}}
<tr><td style="background-color:{{brand.primary}};color:{{brand.on_primary}};padding:16px 28px;"><h1 style="margin:0;font-family:Arial,Helvetica,sans-serif;font-size:20px;line-height:26px;font-weight:bold;color:{{brand.on_primary}};">{{brand.title}}</h1></td></tr>
<tr><td style="padding:28px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:24px;overflow-wrap:break-word;">
<p style="margin:0 0 16px 0;">{{t.email_hello}}</p>
<p style="margin:0 0 16px 0;">{{t.email_intro}}</p>
{{#email.offer}}<p style="margin:0 0 16px 0;padding:12px 16px;background-color:{{brand.accent}};color:{{brand.on_accent}};">{{{email.offer_html}}}</p>{{/email.offer}}
<table role="presentation" style="margin:8px 0 24px 0;border-collapse:collapse;border-spacing:0;"><tr><td style="background-color:{{brand.primary}};border:2px solid {{brand.primary_line}};"><a href="{{referral.link}}" style="display:inline-block;padding:12px 24px;font-family:Arial,Helvetica,sans-serif;font-size:16px;font-weight:bold;color:{{brand.on_primary}};text-decoration:none;">{{t.email_button}}</a></td></tr></table>
{{#email.reach}}<p style="margin:0 0 16px 0;">{{email.reach}}</p>{{/email.reach}}
<p style="margin:0;">{{t.email_signoff}}<br>{{#source.signed_by}}{{source.signed_by}}<br>{{/source.signed_by}}{{source.name}}</p>
</td></tr>
<tr><td class="rk-foot" style="padding:16px 28px;border-top:1px solid #e3e3e0;overflow-wrap:anywhere;font-family:Arial,Helvetica,sans-serif;font-size:12px;line-height:18px;color:#5f5f66;">{{site.name}}{{#site.contact.email}} · <a href="mailto:{{site.contact.email}}" style="color:#5f5f66;">{{site.contact.email}}</a>{{/site.contact.email}}{{#site.contact.phone}} · <bdi dir="ltr">{{site.contact.phone}}</bdi>{{/site.contact.phone}}<br>{{t.email_link_label}} <a href="{{referral.link}}" dir="ltr" style="color:#5f5f66;word-break:break-all;">{{referral.link}}</a></td></tr>
</table>
</td></tr>
</table>
</main>
</body>
</html>

"""#

    /// The e-mail's plain-text twin. TEXT content type: nothing is HTML-escaped.
    static let emailText = #"""
{{% CONTENT_TYPE: TEXT}}
{{t.email_subject_label}} {{t.email_subject}}

{{t.email_hello}}

{{t.email_intro}}
{{#email.offer}}

{{email.offer}}
{{/email.offer}}

{{t.email_link_intro}}
{{referral.link}}
{{#email.reach}}

{{email.reach}}
{{/email.reach}}

{{t.email_signoff}}
{{#source.signed_by}}{{source.signed_by}}
{{/source.signed_by}}{{source.name}}

"""#
}
