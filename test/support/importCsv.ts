/** Generated CSV files for the import tests: exact expectations travel with the data. */

/** A valid, unique US number for row i (area 212, exchange 200-999). */
const phoneOf = (i: number) => `(212) ${200 + Math.floor(i / 10000)}-${String(i % 10000).padStart(4, '0')}`;

/**
 * The test file: 1 % malformed rows (bad email, bad phone, wrong field count in turn), 2 %
 * repeating the email of a row five rows earlier (in-file duplicates), and 2 % whose email
 * belongs to a customer already in the database. Returns the CSV and what it must produce.
 */
export function scaleCsv(rows: number) {
  const lines = ['email,first_name,last_name,phone,tags'];
  const malformed: Array<{ row: number; field: string | null }> = [];
  const existing: string[] = [];
  let dupInFile = 0;
  for (let i = 0; i < rows; i++) {
    const row = i + 1;
    let email = `person${i}@example.com`;
    if (i % 50 === 7) {
      email = `person${i - 5}@example.com`;
      dupInFile++;
    } else if (i % 50 === 13) {
      email = `existing${i}@example.com`;
      existing.push(email);
    }
    if (i % 100 === 50) {
      const kind = (i / 100) % 3;
      if (kind < 1) {
        lines.push(`person${i}-at-example.com,Bad,Email,${phoneOf(i)},x`);
        malformed.push({ row, field: 'email' });
      } else if (kind < 2) {
        lines.push(`${email},Bad,Phone,12345,x`);
        malformed.push({ row, field: 'phone' });
      } else {
        lines.push(`${email},Too,Few`);
        malformed.push({ row, field: null });
      }
      continue;
    }
    lines.push(`${email},First${i},Last${i},${phoneOf(i)},${i % 3 === 0 ? 'vip;north' : ''}`);
  }
  return { csv: `${lines.join('\n')}\n`, malformed, existing, dupInFile };
}
