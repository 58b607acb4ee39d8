/** A CSV of N new, valid members for the import benchmark (Luhn-valid organisation numbers). */
import { writeFileSync } from 'node:fs';
import { luhnCheckDigit, MUNICIPALITIES } from '@cos/domain';

export function writeImportCsv(file: string, count: number): void {
  const lines = ['name;organisation_number;kind;municipality;areas;clusters;description_sv;status'];
  for (let i = 0; i < count; i++) {
    const nine = `557${String(i).padStart(6, '0')}`;
    const orgnr = `${nine.slice(0, 6)}-${nine.slice(6)}${luhnCheckDigit(nine)}`;
    const place = MUNICIPALITIES[i % MUNICIPALITIES.length]?.name ?? 'Lund';
    lines.push(
      `Importerat Bolag ${i} AB;${orgnr};company;${place};tech;opentech;Importerad medlem nummer ${i} i ${place};published`,
    );
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}
