/** The platform's first news post: its own announcement (facts.md). */
export const LAUNCH_ARTICLE = {
  slug: 'clusters-of-skane-ny-plattform-for-samarbete',
  slugEn: 'clusters-of-skane-a-new-platform-for-collaboration',
  titleSv: 'Clusters of Skåne – ny plattform för samarbete',
  titleEn: 'Clusters of Skåne – a new platform for collaboration',
  summarySv:
    'Skånes sju klusterorganisationer samlas i Clusters of Skåne för att tillsammans driva den regionala innovationsstrategin.',
  summaryEn:
    "Skåne's seven cluster organisations join forces as Clusters of Skåne to deliver the regional innovation strategy together.",
  bodySv: `Hösten 2020 tog ett nytt samarbete form: Skånes sju klusterorganisationer gick samman i **Clusters of Skåne**. Verksamheten drar i gång 2021.

Tillsammans representerar klustren **mer än 1 000 företag och organisationer**. Uppdraget är att förverkliga målen i Skånes innovationsstrategi, som tagits fram av Forsknings- och innovationsrådet i Skåne (FIRS), inom strategins sex specialiseringsområden:

- Life science & hälsa
- Tech
- Livsmedel
- Avancerade material & tillverkningsindustri
- Smarta hållbara städer
- ESS, Max IV & Innovationssystemet Science Village

De sju klusterorganisationerna är Livsmedelsakademin, Media Evolution, OpenTech, Packbridge, Sustainable Business Hub, IUC Syd och Medicon Valley Alliance.

På den här plattformen hittar du klustren, deras medlemmar och vad de arbetar med – och du kan ladda ner registret som öppna data.`,
  bodyEn: `In autumn 2020 a new collaboration took shape: Skåne's seven cluster organisations joined forces as **Clusters of Skåne**. Operations start in 2021.

Together the clusters represent **more than 1,000 companies and organisations**. Their task is to deliver the goals of Skåne's innovation strategy, produced by the Research and Innovation Council of Skåne (FIRS), across the strategy's six specialisation areas:

- Life science & health
- Tech
- Food
- Advanced materials & manufacturing
- Smart sustainable cities
- ESS, MAX IV & the Science Village innovation system

The seven cluster organisations are Livsmedelsakademin, Media Evolution, OpenTech, Packbridge, Sustainable Business Hub, IUC Syd and Medicon Valley Alliance.

On this platform you find the clusters, their members and what they work on — and you can download the register as open data.`,
  coverSrc: '/images/launch-cover.svg',
  coverAltSv: 'En grön åker med traktorspår. Lite dimma i horisonten.',
  coverAltEn: 'A green field with tractor tracks. A little mist on the horizon.',
  author: 'Clusters of Skåne',
  publishedAt: '2021-01-11T08:00:00.000Z',
  tags: [
    { sv: 'plattform', en: 'platform' },
    { sv: 'innovationsstrategi', en: 'innovation strategy' },
  ],
};
