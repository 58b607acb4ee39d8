/** The history's lines and its two ways back (undo a change, restore the whole record), and who saved. */
export const HISTORY_MESSAGES = {
  'history.changed': ['Ändrade: {fields}', 'Changed: {fields}'],
  'history.actor': ['{name} ({role})', '{name} ({role})'],
  'history.email': ['E-post: {email}', 'E-mail: {email}'],
  'history.formerUser': ['ett borttaget konto', 'a deleted account'],
  'history.undo': ['Ångra ändringen', 'Undo this change'],
  'history.restoreWhole': ['Återställ hela posten', 'Restore the whole record'],
  'history.recreate': ['Återskapa posten', 'Bring the record back'],
  'history.undoTitle': ['Ångra ändringen?', 'Undo this change?'],
  'history.wholeTitle': [
    'Återställ hela posten som den var då?',
    'Restore the whole record as it was then?',
  ],
  'history.recreateTitle': ['Återskapa posten?', 'Bring the record back?'],
  'history.undoIntro': [
    'Bara fälten som den här ändringen rörde går tillbaka; allt annat i {name} behålls som det är nu.',
    'Only the fields this change touched go back; everything else in {name} stays as it is now.',
  ],
  'history.wholeIntro': [
    'Alla fält i {name} får värdena från {when}.',
    'Every field of {name} gets its value from {when}.',
  ],
  'history.recreateIntro': [
    '{name} skapas igen med samma adress och dessa värden:',
    '{name} is created again with the same address and these values:',
  ],
  'history.changesCaption': ['Det här ändras', 'What will change'],
  'history.now': ['Nu', 'Now'],
  'history.becomes': ['Blir', 'Becomes'],
  'history.includeStatus': [
    'Ändra också publiceringsstatus ({now} → {becomes})',
    'Also change the publication status ({now} → {becomes})',
  ],
  'history.statusKept': [
    'Publiceringsstatus ändras inte.',
    'The publication status does not change.',
  ],
  'history.nothingToChange': [
    'Inget skulle ändras: posten har redan de här värdena.',
    'Nothing would change: the record already has these values.',
  ],
  'history.loadingPreview': ['Räknar ut vad som ändras …', 'Working out what will change …'],
  'history.confirmUndo': ['Ångra ändringen', 'Undo the change'],
  'history.confirmWhole': ['Återställ posten', 'Restore the record'],
  'history.confirmRecreate': ['Återskapa posten', 'Bring it back'],
  'history.done': [
    'Klart: {name} är nu version {version}.',
    'Done: {name} is now version {version}.',
  ],
  'history.staleRecord': [
    'Posten har ändrats sedan förhandsvisningen. Se över ändringarna igen.',
    'The record changed since the preview. Check the changes again.',
  ],
  'conflict.savedBy': ['Ändrad av {who} {when}.', 'Changed by {who} {when}.'],
  'conflict.savedAt': ['Ändrad {when}.', 'Changed {when}.'],
} as const satisfies Record<string, readonly [string, string]>;
