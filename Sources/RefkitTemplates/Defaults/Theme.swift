/// The built-in style sheet, written to `output/assets/refkit.css`. A kit's
/// `templates/assets/refkit.css` replaces it. Colours come from CSS custom properties that each page
/// sets from its computed brand (`--primary`, `--on-primary`, `--accent`, `--on-accent`).
public enum DefaultTheme {
    public static let path = "assets/refkit.css"

    public static let css = #"""
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1d1d1f;background:#fafaf8}
main{max-width:46rem;margin:0 auto;padding:1.5rem 1.25rem 3rem}
a{color:inherit}
img{max-width:100%;height:auto}
h1,h2,h3{line-height:1.25;margin:1.5rem 0 .5rem}
h1{font-size:2rem}
.lead{font-size:1.15rem;color:#3d3d40}
.muted{color:#5f5f66;font-size:.9rem}
.code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;letter-spacing:.04em}
.brandbar{background:var(--primary);color:var(--on-primary)}
.brandbar__inner{max-width:46rem;margin:0 auto;padding:1rem 1.25rem .5rem;display:flex;align-items:center;gap:1rem;flex-wrap:wrap}
.brandbar__logos{display:flex;align-items:center;gap:.75rem;text-decoration:none}
.brandbar__title{margin:0;font-weight:600}
.logo{display:inline-flex;align-items:center;justify-content:center;width:9rem;height:3rem;background:#fff;border-radius:.4rem;padding:.3rem .5rem}
.logo img{max-width:100%;max-height:100%;width:auto;height:auto;object-fit:contain}
.times{font-size:1.4rem;font-weight:300}
.wordmark{font-weight:700;font-size:1.2rem}
.nav{max-width:46rem;margin:0 auto;padding:0 1.25rem .5rem}
.nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
.nav a{color:var(--on-primary);text-decoration:none;opacity:.85;font-size:.95rem}
.nav a[aria-current="page"]{opacity:1;font-weight:700;text-decoration:underline;text-underline-offset:.3em}
.hero{margin-bottom:1.5rem}
.message{margin:1rem 0;padding:.75rem 1rem;border-left:4px solid var(--accent);background:#fff}
.message p{margin:0 0 .25rem}
.message footer{font-size:.9rem;color:#5f5f66}
.reward{padding:.75rem 1rem;background:var(--accent);color:var(--on-accent);border-radius:.5rem;font-weight:600}
.reward__label{display:block;font-size:.8rem;text-transform:uppercase;letter-spacing:.06em;font-weight:700}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(13rem,1fr));gap:1rem;margin:1.5rem 0}
.card{display:block;padding:1rem;background:#fff;border:1px solid #e3e3e0;border-radius:.6rem;text-decoration:none}
.card:hover{border-color:var(--primary)}
.card h2{margin:0 0 .25rem;font-size:1.1rem}
.card p{margin:0;color:#3d3d40;font-size:.95rem}
.offer-list{padding-left:1.2rem}
.referral{margin:2rem 0 0;padding:1rem 1.25rem;background:#fff;border:2px solid var(--primary);border-radius:.6rem}
.referral h2{margin-top:0;font-size:1.2rem}
.referral__link{word-break:break-all;font-size:.9rem}
.phrases{list-style:none;padding:0;display:grid;gap:.5rem}
.phrases li{padding:.6rem .9rem;background:#fff;border-left:4px solid var(--accent);font-style:italic}
.steps li{margin:.35rem 0}
.prose table{border-collapse:collapse;width:100%;margin:1rem 0}
.prose th,.prose td{border:1px solid #d6d6d2;padding:.4rem .6rem;text-align:left}
.prose th{background:#f0f0ec}
.voucher{margin:1rem 0;padding:1.5rem;background:#fff;border:2px dashed #6b6b70;border-radius:.75rem;text-align:center}
.voucher--gift-certificate{border:3px double var(--primary)}
.voucher__kind{margin:0;text-transform:uppercase;letter-spacing:.12em;font-size:.85rem;font-weight:700;color:#5f5f66}
.voucher__value{font-size:2.4rem;margin:.5rem 0}
.voucher__code{font-size:1.2rem}
.voucher__code .code{padding:.1rem .5rem;background:var(--accent);color:var(--on-accent);border-radius:.3rem}
.voucher__terms{font-size:.85rem;color:#5f5f66}
.voucher__link{word-break:break-all;font-size:.85rem}
.voucher .prose{text-align:left}
.directory{padding-left:1.2rem}
.footer{max-width:46rem;margin:0 auto;padding:1rem 1.25rem 2rem;color:#5f5f66;font-size:.9rem;border-top:1px solid #e3e3e0}
.footer p{margin:.25rem 0}
.footer__meta{font-size:.85rem}
@media print{
  body{background:#fff}
  .nav,.card:hover{display:none}
  .brandbar,.reward,.voucher__code .code{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  a{text-decoration:none}
}

"""#
}
