/**
 * The report's stylesheet: TradingView's light palette (text #131722, green #089981, red #f23645),
 * a 1,320 px column that fits a 1366×768 laptop, tables with tabular figures.
 */
export const REPORT_CSS = `
*{box-sizing:border-box}
body{margin:0;background:#f8f9fd;color:#131722;font:13px/1.45 -apple-system,BlinkMacSystemFont,"Trebuchet MS",Roboto,Ubuntu,sans-serif}
main{max-width:1320px;margin:0 auto;padding:12px 16px 32px}
header{display:flex;flex-wrap:wrap;align-items:baseline;gap:4px 18px;padding:6px 2px 10px}
h1{font-size:20px;margin:0;font-weight:600}
h2{font-size:15px;margin:0 0 8px;font-weight:600}
h3{font-size:13px;margin:12px 0 6px;font-weight:600;color:#434651}
.facts{margin:0;color:#434651}
.facts span+span::before{content:"·";margin:0 8px;color:#b2b5be}
nav{margin-left:auto;display:flex;flex-wrap:wrap;gap:12px}
nav a,a{color:#2962ff;text-decoration:none}
a:hover{text-decoration:underline}
.card{background:#fff;border:1px solid #e0e3eb;border-radius:6px;padding:12px 14px;margin:0 0 12px}
.chart{width:100%;position:relative;overflow:hidden}
.credit{margin:6px 0 0;font-size:11px;color:#787b86}
.row2{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:12px}
.row-main{display:grid;grid-template-columns:minmax(0,1.35fr) minmax(0,1fr);gap:12px;align-items:start}
.columns2{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:16px}
.columns3{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:16px}
@media (max-width:1000px){.row2,.row-main,.columns2,.columns3{grid-template-columns:minmax(0,1fr)}}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
th,td{padding:4px 8px;border-bottom:1px solid #f0f3fa;text-align:right;white-space:nowrap}
th:first-child{text-align:left}
thead th{position:sticky;top:0;background:#fff;color:#787b86;font-weight:500;border-bottom:1px solid #e0e3eb;z-index:1}
table.summary td span{display:block}
table.summary td .pct{font-size:11px;color:#787b86}
table.summary tbody th{font-weight:400;color:#434651}
.pos{color:#089981}
.neg{color:#f23645}
table.summary td .pct.pos{color:#089981}
table.summary td .pct.neg{color:#f23645}
.pct{margin-left:6px}
table.summary .pct{margin-left:0}
.kv{max-width:760px}
.kv th{font-weight:400;color:#434651;text-align:left}
.kv td{text-align:right}
.muted{color:#787b86;margin:0 0 8px}
.scroll{max-height:520px;overflow:auto;border:1px solid #f0f3fa;border-radius:4px}
.scroll.tall{max-height:640px}
.scroll-x{overflow-x:auto}
table.trades td,table.trades th{text-align:left}
table.trades td.num{text-align:right}
table.trades tr.exit td{border-bottom:none}
table.trades tr.entry td{border-bottom:1px solid #e0e3eb}
table.trades td .pct{display:block;font-size:11px;margin:0}
table.trades tr.long .type{color:#089981}
table.trades tr.short .type{color:#f23645}
table.heatmap td{text-align:center;font-size:12px;min-width:54px}
table.monthly td,table.monthly th{padding:4px 2px;min-width:0;font-size:11px;text-align:center}
table.monthly td.year-total{font-weight:600}
.importance .bar-cell{width:60%}
.importance .bar{height:10px;background:#2962ff;border-radius:2px;min-width:1px}
.diff-table td,.diff-table th{text-align:left;font-size:12px}
.diff-table th[colspan]{text-align:center;color:#131722}
.diff-table td.side-start{border-left:2px solid #e0e3eb}
.diff-table td.absent{color:#b2b5be;text-align:center;border-left:2px solid #e0e3eb}
.diff-table td.diff{background:#ffe9ec;color:#b2182b;font-weight:600}
.diff-table tr.differs{background:#fffaf0}
.diff-table tr.first-divergence{background:#fff3cd;outline:2px solid #f7a600}
.divergence{background:#fff3cd;border-left:3px solid #f7a600;padding:6px 10px}
.ok{color:#089981}
footer{color:#787b86;font-size:11px;padding:8px 2px}
footer p{margin:2px 0}
`;
