/** The image field (logos, covers). Swedish first, English second. */
export const IMAGE_MESSAGES = {
  'image.logo': ['Logotyp', 'Logo'],
  'image.cover': ['Uppladdad omslagsbild', 'Uploaded cover image'],
  'image.choose': ['Välj en bild att ladda upp', 'Choose an image to upload'],
  'image.replace': ['Byt bild', 'Replace the image'],
  'image.hint': [
    'PNG, JPEG eller WebP, högst {max} MB. SVG tas inte emot. Bilden skalas om för webbplatsen och platsinformation i den tas bort.',
    'PNG, JPEG or WebP, at most {max} MB. SVG is not accepted. The image is resized for the site and any location data in it is removed.',
  ],
  'image.uploading': ['Laddar upp {name} …', 'Uploading {name} …'],
  'image.uploaded': [
    'Bilden är uppladdad ({width} × {height} px). Spara för att använda den.',
    'The image is uploaded ({width} × {height} px). Save to use it.',
  ],
  'image.current': [
    'Nuvarande bild, {width} × {height} px',
    'Current image, {width} × {height} px',
  ],
  'image.missing': [
    'Bilden finns inte längre på servern; ladda upp den igen.',
    'The image is no longer on the server; upload it again.',
  ],
  'image.remove': ['Ta bort bilden', 'Remove the image'],
  'image.removed': ['Bilden tas bort när du sparar.', 'The image will be removed when you save.'],
  'image.alt': [
    'Alternativtext (beskriv vad bilden visar)',
    'Alt text (describe what the image shows)',
  ],
  'image.altHint': [
    'Läses upp för den som inte ser bilden. Krävs på svenska.',
    'Read out to people who cannot see the image. Required in Swedish.',
  ],
  'image.none': ['Ingen bild vald.', 'No image chosen.'],
  'image.or': ['eller ange en adress på webbplatsen', 'or give an address on the site'],
} as const;
