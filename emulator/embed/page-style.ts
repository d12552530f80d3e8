/**
 * The view page's stylesheet: a quiet, neutral analytics look (white canvas, grey chrome, one accent). Text
 * keeps 4.5:1 on its background (the lightest grey, #767676, is 4.5:1 on white; the toolbar's label #666 is
 * 5.5:1 on #fafbfc); the focus ring is a solid outline, 5.9:1 on the chrome's #fafbfc.
 */
export const PAGE_CSS = `
*,*::before,*::after{box-sizing:border-box}
:focus-visible{outline:2px solid #1f5fbf;outline-offset:2px}
html,body{margin:0;height:100%}
body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#2b2b2b;background:#fff;display:flex;flex-direction:column}
.vz-caption{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:4px 16px;padding:10px 16px 8px;border-bottom:1px solid #e4e6ea}
.vz-crumbs{display:flex;align-items:baseline;gap:8px;min-width:0}
.vz-workbook{color:#6b6b6b;font-size:13px;white-space:nowrap}
.vz-sep{color:#767676}
.vz-caption h1{margin:0;font-size:16px;font-weight:600;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.vz-user{color:#6b6b6b;font-size:12px}
.vz-user strong{color:#2b2b2b;font-weight:600}
.vz-filters{display:flex;flex-wrap:wrap;gap:6px;width:100%}
.vz-filters:empty,.vz-security:empty{display:none}
.vz-chip{display:inline-block;padding:1px 8px;border:1px solid #d5dae1;border-radius:10px;background:#f6f7f9;font-size:12px;color:#3d4a5c}
.vz-security{font-size:12px;color:#6b6b6b}
.vz-tabs{display:flex;gap:2px;padding:0 12px;border-bottom:1px solid #e4e6ea;background:#fafbfc;overflow-x:auto}
.vz-tabs button{font:inherit;font-size:13px;border:0;background:none;padding:8px 12px;color:#555;cursor:pointer;border-bottom:2px solid transparent;white-space:nowrap}
.vz-tabs button[aria-selected="true"]{color:#1f3b57;border-bottom-color:#4e79a7;font-weight:600}
.vz-tabs button:hover{color:#1f3b57}
.vz-tabs button:focus-visible{outline-offset:-2px}
#vz-chart{flex:1;min-height:0;padding:8px 12px;display:flex;align-items:center;justify-content:center}
#vz-chart svg{width:100%;height:100%;max-height:100%}
#vz-chart[aria-busy="true"]{opacity:.6}
.vz-toolbar{display:flex;align-items:center;gap:4px;padding:4px 12px;border-top:1px solid #e4e6ea;background:#fafbfc}
.vz-toolbar.top{order:-1;border-top:0;border-bottom:1px solid #e4e6ea}
.vz-toolbar button{font:inherit;font-size:12px;border:1px solid transparent;background:none;border-radius:4px;padding:4px 10px;color:#3d4a5c;cursor:pointer}
.vz-toolbar button:hover{border-color:#d5dae1;background:#fff}
.vz-toolbar .vz-brand{margin-left:auto;font-size:11px;color:#666}
.vz-notice{margin:auto;max-width:440px;padding:32px;text-align:center}
.vz-notice h1{font-size:20px;font-weight:600;margin:0 0 8px}
.vz-notice p{color:#555;margin:0 0 8px}
.vz-notice .vz-code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;color:#6b6b6b}
.vz-logo{width:40px;height:40px;margin:0 auto 16px;display:block}
`;
