import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import { SparesStore } from '../database/SparesStore';

/** One part type's month: opening, what moved, closing. */
export interface StockReportRow {
  partTypeId: string;
  name: string;
  opening: number;
  received: number;
  issued: number;
  returned: number;
  countDifference: number;
  closing: number;
  minimum: number;
}

/** The month's movements per part type, in the court's zone (closing = opening + the moves). */
export async function stockReportRows(
  store: SparesStore,
  month: string,
  zone: string,
): Promise<StockReportRow[]> {
  const start = DateTime.fromISO(`${month}-01`, { zone }).startOf('month');
  const from = start.toUTC().toISO()!;
  const to = start.plus({ months: 1 }).toUTC().toISO()!;
  const [partTypes, opening, movements] = await Promise.all([
    store.listPartTypes(),
    store.stockBefore(from),
    store.movementsBetween(from, to),
  ]);
  const rows = new Map<string, StockReportRow>(
    partTypes.map(p => [
      p.id,
      {
        partTypeId: p.id,
        name: p.name,
        opening: 0,
        received: 0,
        issued: 0,
        returned: 0,
        countDifference: 0,
        closing: 0,
        minimum: p.minimum,
      },
    ]),
  );
  for (const o of opening) {
    const row = rows.get(o.partTypeId);
    if (row) row.opening = o.quantity;
  }
  for (const m of movements) {
    const row = rows.get(m.partTypeId);
    if (!row) continue;
    if (m.kind === 'receipt') row.received += m.delta;
    else if (m.kind === 'issue') row.issued -= m.delta;
    else if (m.kind === 'return') row.returned += m.delta;
    else row.countDifference += m.delta;
  }
  for (const row of rows.values()) {
    row.closing =
      row.opening +
      row.received -
      row.issued +
      row.returned +
      row.countDifference;
  }
  return [...rows.values()];
}

/** The monthly stock report as an Excel workbook (zh and en headings). */
export async function stockReportWorkbook(
  month: string,
  rows: readonly StockReportRow[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(`备件月报 ${month}`);
  sheet.columns = [
    { header: '备件编码 Part', key: 'partTypeId', width: 18 },
    { header: '名称 Name', key: 'name', width: 30 },
    { header: '期初 Opening', key: 'opening', width: 12 },
    { header: '入库 Received', key: 'received', width: 12 },
    { header: '出库 Issued', key: 'issued', width: 12 },
    { header: '退回 Returned', key: 'returned', width: 12 },
    { header: '盘点差异 Count difference', key: 'countDifference', width: 18 },
    { header: '期末 Closing', key: 'closing', width: 12 },
    { header: '下限 Minimum', key: 'minimum', width: 12 },
    { header: '低于下限 Below', key: 'below', width: 12 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    sheet.addRow({ ...row, below: row.closing < row.minimum ? '是 yes' : '' });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
