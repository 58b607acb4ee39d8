/**
 * Scope on shared members (a member another cluster has too) and "My
 * profile". Swedish first, English second.
 */
export const SCOPE_MESSAGES = {
  'scope.sharedNote': [
    'Medlemmen tillhör även {clusters}. Du kan ändra beskrivning, uppgifter och områden; namn, slug och organisationsnummer, radering, arkivering och avpublicering sköts av en administratör.',
    'This member also belongs to {clusters}. You can change its description, details and areas; its name, slug and organisation number, and deleting, archiving or unpublishing it, are for an administrator.',
  ],
  'scope.identityHint': [
    'Delas med ett annat kluster: bara en administratör kan ändra det här.',
    'Shared with another cluster: only an administrator can change this.',
  ],
  'scope.statusLocked': [
    'Bara en administratör kan arkivera eller avpublicera en medlem som även tillhör ett annat kluster.',
    'Only an administrator can archive or unpublish a member that also belongs to another cluster.',
  ],
  'scope.leave': ['Ta bort från vårt kluster', 'Remove from our cluster'],
  'scope.leaving': ['Tar bort…', 'Removing…'],
  'scope.leaveConfirm': [
    'Ta bort ”{name}” från {cluster}? Medlemmen finns kvar i de andra klustren, men du kan inte längre se eller ändra den.',
    'Remove "{name}" from {cluster}? The member stays in the other clusters, but you will no longer see or change it.',
  ],
  'scope.left': ['”{name}” är borttagen från {cluster}.', '"{name}" was removed from {cluster}.'],
  'scope.onlyClusterNote': [
    'Ert kluster är medlemmens enda. Vill ni inte ha kvar den: arkivera eller radera den, eller be en administratör flytta den till ett annat kluster.',
    'Your cluster is this member’s only one. If you no longer want it: archive or delete it, or ask an administrator to move it to another cluster.',
  ],
  'scope.duplicateHidden': [
    'Ett liknande medlemsföretag finns redan i ett annat kluster — kontakta en administratör.',
    'A similar member already exists in another cluster — contact an administrator.',
  ],
  'scope.duplicateNumberHidden': [
    'Organisationsnumret finns redan hos ett medlemsföretag i ett annat kluster — kontakta en administratör.',
    'This organisation number is already registered for a member in another cluster — contact an administrator.',
  ],
  'scope.duplicateOtherCluster': [
    '(publicerad, i ett annat kluster — kontakta en administratör)',
    '(published, in another cluster — contact an administrator)',
  ],
  // My profile
  'profile.link': ['Min profil', 'My profile'],
  'profile.title': ['Min profil', 'My profile'],
  'profile.intro': [
    'Ditt namn visas i historiken och i sidhuvudet. E-postadress, roll och kluster ändras av en administratör.',
    'Your name is shown in the history and the header. Your e-mail address, role and cluster are changed by an administrator.',
  ],
  'profile.name': ['Namn', 'Name'],
  'profile.nameHint': [
    'Vanlig text, utan < > eller styrtecken.',
    'Plain text, without < > or control characters.',
  ],
  'profile.email': ['E-postadress', 'E-mail address'],
  'profile.role': ['Roll', 'Role'],
  'profile.save': ['Spara namnet', 'Save name'],
  'profile.saved': ['Namnet är sparat.', 'Your name was saved.'],
} as const satisfies Record<string, readonly [string, string]>;
