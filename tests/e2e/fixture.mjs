// Articles the dashboard's browser tests are run on, written for them: one
// man spelled four ways (Alexandre Loukachenko, Loukachenka, Lukashenko) in
// three outlets over three months, quoted with « … », a déclaré …, with
// places and dates; and hostile articles whose every field tries to run script.

export const articles = [
  {id: 'v1', outlet: 'Le Monde', published: '2022-01-05T09:00:00+01:00',
    url: 'https://www.lemonde.fr/international/article/2022/01/05/minsk.html', title: 'Visite à Minsk',
    text: 'Alexandre Loukachenko a reçu mardi 4 janvier 2022 le ministre russe des affaires étrangères à Minsk. ' +
      '« Notre coopération sera renforcée », a déclaré Alexandre Loukachenko devant la presse.\n' +
      'Le président biélorusse doit se rendre à Moscou le lendemain. Loukachenko a promis des réformes.\n'},
  {id: 'v2', outlet: 'Libération', published: '2022-02-01T12:00:00+01:00',
    url: 'https://www.liberation.fr/international/2022/02/01/referendum/', title: 'Référendum en Biélorussie',
    text: 'Le président biélorusse Alexandre Loukachenka a annoncé mardi 1er février un référendum constitutionnel. ' +
      '« Le peuple décidera de son avenir », a affirmé Loukachenka à Minsk.\n' +
      "Selon l'opposition, Loukachenka veut rester au pouvoir jusqu'en 2035.\n"},
  {id: 'v3', outlet: 'Le Monde', published: '2022-02-20T18:30:00+01:00',
    url: 'https://www.lemonde.fr/international/article/2022/02/20/sanctions.html', title: 'Sanctions européennes contre Minsk',
    text: "L'Union européenne a adopté le 20 février 2022 de nouvelles sanctions contre le régime d'Alexandre Lukashenko, " +
      'accusé de fraude électorale. « Ces sanctions sont illégales », a répondu Alexandre Lukashenko dans un communiqué.\n'},
  {id: 'v4', outlet: 'Le Figaro', published: '2022-03-02T08:00:00+01:00',
    url: 'https://www.lefigaro.fr/politique/conseil-des-ministres-20220302', title: 'Conseil des ministres à Paris',
    text: 'Emmanuel Macron a réuni le gouvernement à Paris mercredi 2 mars 2022. ' +
      "« La Biélorussie doit respecter ses engagements », a déclaré Emmanuel Macron à propos d'Alexandre Loukachenko.\n"},
  {id: 'v5', outlet: 'Le Figaro', published: '2022-03-15T10:00:00+01:00',
    url: 'https://www.lefigaro.fr/international/kazakhstan-20220315', title: 'Émeutes au Kazakhstan',
    text: 'À Alma-Ata, des affrontements ont opposé la police aux manifestants en janvier. ' +
      'Le président Kassym-Jomart Tokaïev a remercié Loukachenko pour son soutien. ' +
      "« Nous avons rétabli l'ordre », a assuré Tokaïev sur Telegram.\n"},
];

// Each payload sets window.__xss if it ever runs.
export const payloads = {
  script: '<script>window.__xss=1</script>',
  img: '<img src=x onerror="window.__xss=1">',
  svg: '"><svg onload=window.__xss=1>',
  attr: `' onmouseover='window.__xss=1' x='`,
  jsUrl: 'javascript:window.__xss=1',
};

// Every hostile article shares the word "zanzibar", to find them all at once.
export const hostile = [
  {id: 'h1', outlet: `Le Canard ${payloads.svg}`, published: '2022-04-01T10:00:00+02:00',
    url: payloads.jsUrl,
    title: `Zanzibar ${payloads.script} ${payloads.img}`,
    text: `Zanzibar: Alexandre Loukachenko a reçu ${payloads.img} à Minsk mardi 29 mars 2022. ` +
      `« Le texte ${payloads.script} est ${payloads.svg} libre », a déclaré Alexandre Loukachenko.\n` +
      `Un lien ${payloads.jsUrl} et un attribut ${payloads.attr} " onfocus="window.__xss=1" autofocus=".\n`},
  {id: 'h2', outlet: `O'Brien "Times" ${payloads.img}`, published: '2022-04-02T10:00:00+02:00',
    url: `https://example.org/zanzibar?x="><script>window.__xss=1</script>&y=' onclick='window.__xss=1'`,
    title: `Zanzibar ${payloads.svg} ${payloads.attr}`,
    text: `Zanzibar ${payloads.attr} et ${payloads.svg}: Emmanuel Macron est à Paris.\n`},
  {id: 'h3', outlet: 'Le Monde', published: '2022-04-03T10:00:00+02:00',
    url: 'JaVaScRiPt:window.__xss=1', title: 'Zanzibar, troisième',
    text: `Zanzibar ${payloads.script} à Paris. « Rien ${payloads.img} », a déclaré Emmanuel Macron.\n`},
  {id: 'h4', outlet: 'Le Monde', published: '2022-04-04T10:00:00+02:00',
    url: 'data:text/html,<script>window.__xss=1</script>', title: 'Zanzibar, quatrième',
    text: 'Zanzibar encore, à Paris.\n'},
];
