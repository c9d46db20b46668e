/// The built-in style sheet, written to `output/assets/refkit.css`. A kit's
/// `templates/assets/refkit.css` replaces it. Colours come from CSS custom properties that each page
/// sets from its computed brand (`--primary`, `--on-primary`, `--primary-ink` (the primary darkened
/// to read as text on white), `--accent`, `--on-accent`, and `--primary-line`, `--accent-line`
/// (darkened to 3:1 on light grounds, for borders and bars)). Every page fits a 320 px screen.
public enum DefaultTheme {
    public static let path = "assets/refkit.css"

    public static let css = #"""
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1d1d1f;background:#fafaf8;overflow-wrap:break-word}
.skip{position:absolute;inset-inline-start:.5rem;top:-4rem;z-index:10;padding:.5rem .75rem;background:#fff;color:#1d1d1f;border:2px solid #1d1d1f;border-radius:.3rem}
.skip:focus{top:.5rem}
main{max-width:46rem;margin:0 auto;padding:1.5rem 1.25rem 3rem}
a{color:inherit}
img{max-width:100%;height:auto}
h1,h2,h3{line-height:1.25;margin:1.5rem 0 .5rem}
h1{font-size:clamp(1.25rem,6.8vw,2rem)}  /* a long compound ("Empfehlungsmappen") keeps its line on a phone */
.lead{font-size:1.15rem;color:#3d3d40}
.muted{color:#5f5f66;font-size:.9rem}
/* A code is never broken across lines (a prospect would mistype it): a long one is drawn smaller
   to fit the line it is on (--chars is its length; each character is at most .66em wide). */
.code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono",monospace;letter-spacing:.04em;direction:ltr;unicode-bidi:isolate;white-space:nowrap}
:where(p,li):has(.code[style]){container-type:inline-size}
.code[style]{font-size:min(1em,calc((100cqi - 1rem) / var(--chars) / .66))}
.brandbar{background:var(--primary);color:var(--on-primary)}
.brandbar__inner{max-width:46rem;margin:0 auto;padding:1rem 1.25rem .5rem;display:flex;align-items:center;gap:1rem;flex-wrap:wrap}
.brandbar__logos{display:flex;align-items:center;gap:.5rem .75rem;flex-wrap:nowrap;max-width:100%;min-width:0;text-decoration:none}
/* The two logos and the "×" are one lockup: on a narrow screen they shrink together, never wrap apart. */
.brandbar__logos>.logo,.brandbar__logos>.wordmark,.sheet__logos>.logo,.library__logos>.logo{flex:0 1 auto;min-width:0}
.times{flex:none}
/* A wide wordmark beside another logo would shrink below legible on a phone: the lockup stands
   in a column there instead, each logo at its own size, the "×" between them. */
@media (max-width:30rem){.brandbar__logos:has(.logo--wide):has(.times),.sheet__logos:has(.logo--wide):has(.times),.library__logos:has(.logo--wide):has(.times){flex-direction:column;align-items:flex-start;gap:.25rem}}
.brandbar__title{margin:0;font-weight:600}
/* A logo is drawn at the size its shape gets (the <img>'s width and height), on white, and only
   ever shrunk to fit a narrow screen. */
.logo{display:inline-flex;align-items:center;max-width:100%;background:#fff;border-radius:.4rem;padding:.3rem .5rem}
.logo img{display:block;max-width:100%;height:auto}
.times{font-size:1.4rem;font-weight:300}
.wordmark{font-weight:700;font-size:1.2rem}
.nav{max-width:46rem;margin:0 auto;padding:0 1.25rem .5rem}
.nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
.nav a{color:var(--on-primary);text-decoration:none;font-size:.95rem}
.nav a:hover,.nav a[aria-current="page"]{text-decoration:underline;text-underline-offset:.3em}
.nav a[aria-current="page"]{font-weight:700}
.hero{margin-bottom:1.5rem}
.message{margin:1rem 0;padding:.75rem 1rem;border-inline-start:4px solid var(--accent-line);background:#fff}
.message p{margin:0 0 .25rem}
.stats{margin:1rem 0;padding:.75rem 1rem;border-radius:.5rem;background:#fff;border:2px solid var(--accent-line)}
.message footer{font-size:.9rem;color:#5f5f66}
.reward{padding:.75rem 1rem;background:var(--accent);color:var(--on-accent);border-radius:.5rem;font-weight:600}
.reward__label{display:block;font-size:.8rem;text-transform:uppercase;letter-spacing:.06em;font-weight:700}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(13rem,1fr));gap:1rem;margin:1.5rem 0}
.card{display:block;padding:1rem;background:#fff;border:1px solid #e3e3e0;border-radius:.6rem;text-decoration:none}
.card:hover{border-color:var(--primary-ink)}
.card h2{margin:0 0 .25rem;font-size:1.1rem}
.card p{margin:0;color:#3d3d40;font-size:.95rem}
.offer-list{padding-inline-start:1.2rem}
.referral{margin:2rem 0 0;padding:1rem 1.25rem;background:#fff;border:2px solid var(--primary-ink);border-radius:.6rem;display:flex;gap:1.25rem;align-items:center;flex-wrap:wrap}
.referral__text{flex:1 1 18rem}
.referral h2{margin-top:0;font-size:1.2rem}
.referral__link{overflow-wrap:anywhere;font-size:.9rem}
.referral__tools{font-size:.9rem}
.qr svg,.qr img{display:block;width:100%;height:auto}
.referral .qr{width:9rem;flex:0 0 9rem}
.phrases{list-style:none;padding:0;display:grid;gap:.5rem}
.phrases li{padding:.6rem .9rem;background:#fff;border-inline-start:4px solid var(--accent-line);font-style:italic}
.steps li{margin:.35rem 0}
.share-list{padding-inline-start:1.2rem}
.share{margin:0 0 1rem;padding:.75rem 1rem;background:#fff;border-inline-start:4px solid var(--accent-line)}
.share__text{margin:0 0 .5rem;overflow-wrap:anywhere}
.share__links{margin:0;font-size:.95rem}
.prose table{border-collapse:collapse;width:100%;margin:1rem 0}
.prose th,.prose td{border:1px solid #d6d6d2;padding:.4rem .6rem;text-align:start;overflow-wrap:anywhere}
.prose pre{overflow-x:auto;white-space:pre-wrap}
.prose th{background:#f0f0ec}
.voucher{margin:1rem 0;padding:1.5rem clamp(.75rem,4vw,1.5rem);background:#fff;border:2px dashed #6b6b70;border-radius:.75rem;text-align:center}
.voucher--gift-certificate{border:4px double var(--primary-ink)}
.voucher__kind{margin:0;text-transform:uppercase;letter-spacing:.12em;font-size:.85rem;font-weight:700;color:#5f5f66}
.voucher__value{font-size:clamp(1.4rem,8vw,2.4rem);margin:.5rem 0}
.voucher__code{font-size:1.2rem}
.voucher__code .code{padding:.1rem .5rem;background:var(--accent);color:var(--on-accent);border-radius:.3rem}
.voucher__terms{font-size:.85rem;color:#5f5f66}
.voucher__link{overflow-wrap:anywhere;font-size:.85rem;text-align:start;margin:0}
.voucher .prose{text-align:start}
.voucher__redeem{display:flex;gap:1rem;align-items:center;margin:1rem 0}
.voucher__redeem .qr{width:7.5rem;flex:0 0 7.5rem}
.cutline{text-align:center;color:#6b6b70;font-size:.8rem;margin:.25rem 0 0}
.directory{padding-inline-start:1.2rem}
.footer{max-width:46rem;margin:0 auto;padding:1rem 1.25rem 2rem;color:#5f5f66;font-size:.9rem;border-top:1px solid #e3e3e0}
.footer p{margin:.25rem 0}
.footer__meta{font-size:.85rem}
.clamp2,.clamp3,.clamp4{display:-webkit-box;-webkit-box-orient:vertical;overflow:hidden}
.clamp2{-webkit-line-clamp:2}.clamp3{-webkit-line-clamp:3}.clamp4{-webkit-line-clamp:4}
.fit .sheet .clamp2,.fit .sheet .clamp3,.fit .sheet .clamp4{display:block;-webkit-line-clamp:none}
/* The handout: one sheet. 190mm × 255mm fits inside both A4 (210 × 297) and US Letter
   (215.9 × 279.4) with 10mm margins. In a browser, long items are clamped; printed to PDF, refkit
   measures the page in Chromium (class fit on <html>): clamps lifted, type and spacing scaled by
   --fit (1 to .8), and what still does not fit left out whole, never cut (PrintFit). */
@page{margin:10mm}
.print-body{background:#e9e9e4;margin:0;padding:10mm 0}
.print-body main{max-width:none;margin:0;padding:0}
.sheet{width:190mm;max-width:100%;height:255mm;margin:0 auto;padding:8mm;background:#fff;box-shadow:0 2px 12px rgba(0,0,0,.15);overflow:hidden;display:flex;flex-direction:column;font-size:calc(10.5pt*var(--fit,1));line-height:1.4}
.sheet h1{font-size:calc(18pt*var(--fit,1));margin:0}
.sheet h2{font-size:calc(11pt*var(--fit,1));margin:0 0 1.5mm;text-transform:uppercase;letter-spacing:.05em;color:var(--primary-ink)}
.sheet section{margin:0 0 calc(5mm*var(--fit,1))}
.sheet p{margin:0 0 1.5mm}
.sheet__header{display:flex;align-items:center;flex-wrap:wrap;gap:3mm 6mm;padding:5mm;margin:-8mm -8mm 6mm;background:var(--primary);color:var(--on-primary)}
.sheet__logos{display:flex;align-items:center;flex-wrap:nowrap;gap:3mm;max-width:100%;min-width:0}
.sheet__eyebrow{font-size:9pt;text-transform:uppercase;letter-spacing:.08em;margin:0 0 1mm}
.sheet__grid{display:flex;gap:7mm;flex:1;min-height:0}
.sheet__main{flex:1;min-width:0;overflow:hidden}
.sheet__side{width:58mm;flex:none;display:flex;flex-direction:column;gap:4mm;overflow:hidden}
.sheet__phrases{list-style:none;margin:0;padding:0}
.sheet__phrases li{margin:0 0 1.5mm;padding-block:1mm;padding-inline:3mm 0;border-inline-start:1mm solid var(--accent-line);font-style:italic}
.sheet__steps{margin:0;padding-inline-start:5mm}
.sheet__pages{margin:0 0 2mm;padding-inline-start:5mm}
.sheet__pages li{margin:0 0 2mm}
.sheet__steps li{margin:0 0 1.5mm}
.sheet__qr{text-align:center;font-size:9pt}
.sheet__qr .qr{width:calc(44mm*var(--fit,1));margin:0 auto 1mm}
.sheet__offer,.sheet__reward,.sheet__contact{padding:3mm;border-radius:2mm;font-size:calc(9.5pt*var(--fit,1))}
.sheet__offer{border:.6mm dashed #6b6b70}
.sheet__reward{background:var(--accent);color:var(--on-accent)}
.sheet__contact{background:#f4f4f1}
.sheet__label{font-size:8pt;text-transform:uppercase;letter-spacing:.08em;font-weight:700}
.sheet__value{font-size:calc(12pt*var(--fit,1));font-weight:700}
.sheet__small{font-size:8.5pt}
.sheet__footer{border-top:.3mm solid #d6d6d2;padding-top:2mm;margin-top:3mm;font-size:8.5pt;color:#3d3d40}
.sheet__link{overflow-wrap:anywhere;margin:0}
.sheet__contact bdi{overflow-wrap:anywhere}
h1,h2,h3,p,li{hyphens:auto}
/* On a phone the handout is read, not printed: one column, as long as it needs. */
@media screen and (max-width:48rem){
  .print-body{padding:0}
  .sheet{width:auto;height:auto;overflow:visible;box-shadow:none}
  .sheet__grid{flex-direction:column}
  .sheet__main,.sheet__side{width:auto;overflow:visible}
  .sheet__side .qr{max-width:44mm}
}
@media print{
  body{background:#fff}
  .nav,.card:hover,.referral__tools{display:none}
  .brandbar,.reward,.voucher__code .code,.sheet__header,.sheet__reward,.sheet__contact,.sheet__phrases li{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  a{text-decoration:none}
  .print-body{padding:0;background:#fff}
  .sheet{box-shadow:none;margin:0;width:auto}
  /* A coupon or certificate is one printed page too: compact, and in a browser its description,
     value and terms bounded so the code and QR code stay on the page. Printed to PDF, refkit fits
     it in Chromium (class fit): nothing clamped, scaled by --fit, the description left out whole
     if it must be. */
  .page--offer main{padding:.5rem 1.25rem 0;max-height:205mm;overflow:hidden}
  .page--offer .voucher .prose{max-height:60mm;overflow:hidden}
  .fit .page--offer main>*{zoom:var(--fit,1)}
  .fit .page--offer main,.fit .page--offer .voucher .prose{max-height:none}
  .fit .page--offer .voucher__value,.fit .page--offer .voucher__terms{display:block;-webkit-line-clamp:none}
  .page--offer .voucher__value,.page--offer .voucher__terms{display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:3;overflow:hidden}
  .page--offer .brandbar__inner{padding-top:.5rem}
  .page--offer .logo img{max-height:30mm;width:auto}
  .page--offer .voucher{margin:.5rem 0;break-inside:avoid}
  .page--offer .footer{padding:.25rem 1.25rem 0;font-size:.75rem}
}
/* The library: a guide or seminar the partner passes on, on as many pages as it needs. */
.library-body{margin:0}
.library__header{border-bottom:.4rem solid var(--primary-line);padding:1rem 1.25rem;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center;justify-content:space-between;max-width:48rem;margin:0 auto}
.library__logos{display:flex;align-items:center;gap:.5rem;flex-wrap:nowrap;max-width:100%;min-width:0}
.library__shared{margin:0;color:#3d3d40;overflow-wrap:anywhere}
.library{max-width:48rem;margin:0 auto;padding:1rem 1.25rem 2rem}
.library__kind{text-transform:uppercase;letter-spacing:.06em;font-size:.8rem;color:var(--primary-ink);margin:0}
.library h1{margin:.25rem 0 .5rem}
.library h2,.library h3{break-after:avoid;page-break-after:avoid}
.library p,.library li{orphans:3;widows:3}
.seminar{display:grid;gap:.25rem;margin:1rem 0;padding:.75rem 1rem;border-left:4px solid var(--primary-line);background:#f4f4f1}
.seminar div{display:flex;gap:.5rem;flex-wrap:wrap}
.seminar dt{font-weight:700}
.seminar dd{margin:0}
.seminar__actions{display:flex;gap:1rem;align-items:center;flex-wrap:wrap}
.button{display:inline-block;padding:.5rem 1rem;border-radius:.25rem;background:var(--primary);color:var(--on-primary);font-weight:700;text-decoration:none;border:2px solid var(--primary-line)}
.library__contact{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;margin-top:2rem;padding-top:1rem;border-top:2px solid var(--primary-line);break-inside:avoid;page-break-inside:avoid}
.library__contact .qr{flex:0 0 32mm;max-width:32mm}
.library__contact h2{margin:0 0 .25rem}
.library__contact>div:last-child{flex:1 1 14rem}
.library__link{overflow-wrap:anywhere}
.library-list{margin:1.5rem 0}
/* The refer-someone form: one column, full-width fields, a visible focus. */
.refer-link{margin:1.25rem 0}
button.button{font:inherit;font-weight:700;cursor:pointer}
.intake{display:grid;gap:.25rem;max-width:36rem}
.intake__field label{display:block;font-weight:700;margin-bottom:.25rem}
.intake input:not([type=checkbox]),.intake textarea{box-sizing:border-box;width:100%;font:inherit;padding:.5rem;border:2px solid #5c5c61;border-radius:.25rem;background:#fff;color:#1d1d1f}
.intake input:focus,.intake textarea:focus,.intake button:focus{outline:3px solid var(--primary-line);outline-offset:2px}
.intake__consent{display:flex;gap:.5rem;align-items:flex-start}
.intake__consent input{width:1.25rem;height:1.25rem;margin:.15rem 0 0;flex:none}
/* The network blog. */
.posts{list-style:none;padding:0}
.post-card{border-left:4px solid var(--author,var(--primary-line));padding:.25rem 0 .25rem 1rem;margin:1.25rem 0}
.post-card h2{margin:0 0 .25rem}
.byline{display:flex;gap:.5rem;align-items:center;flex-wrap:wrap;color:#3d3d40;margin:.25rem 0}
.post{border-left:4px solid var(--author,var(--primary-line));padding-left:1rem}
.pager{display:flex;gap:1rem;justify-content:space-between;flex-wrap:wrap;margin:1.5rem 0}
@page library{margin:16mm 14mm 18mm;@bottom-center{content:counter(page) " / " counter(pages);font:9pt sans-serif;color:#3d3d40}}
@media print{
  .library-body{page:library}
  .library__header{padding:0 0 .5rem;-webkit-print-color-adjust:exact;print-color-adjust:exact}
  .library{padding:0}
  .library .button{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}

"""#
}
