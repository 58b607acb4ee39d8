/** The member list's export menu. Swedish first, English second. */
export const EXPORT_MESSAGES = {
  'export.menu': ['Exportera', 'Export'],
  'export.title': ['Exportera {members}', 'Export {members}'],
  'export.hint': [
    'Alla som matchar sökningen och filtren, i listans ordning – inte bara den här sidan.',
    'Everyone matching the search and filters, in the list’s order – not just this page.',
  ],
  'export.editorScope': [
    'Du får bara ut ditt klusters medlemmar.',
    'You get only your cluster’s members.',
  ],
  'export.format.csv-excel': ['CSV för Excel', 'CSV for Excel'],
  'export.format.csv': ['CSV, standard', 'CSV, standard'],
  'export.format.xlsx': ['Excel-arbetsbok', 'Excel workbook'],
  'export.format.json': ['JSON', 'JSON'],
  'export.about.csv-excel': [
    'Semikolon och UTF-8 med BOM: öppnas rätt med dubbelklick i svenskt Excel.',
    'Semicolons and UTF-8 with a BOM: opens correctly with a double-click in Swedish Excel.',
  ],
  'export.about.csv': [
    'Kommatecken, UTF-8 (RFC 4180), för andra program och system.',
    'Commas, UTF-8 (RFC 4180), for other programs and systems.',
  ],
  'export.about.xlsx': [
    '.xlsx med datum och tal som riktiga celler.',
    '.xlsx with dates and numbers as real cells.',
  ],
  'export.about.json': [
    'En lista med ett objekt per medlem, för utvecklare.',
    'An array with one object per member, for developers.',
  ],
} as const satisfies Record<string, readonly [string, string]>;
