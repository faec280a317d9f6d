/* #APTIC: the page is in French (locales/fr.json); Camunda's index.html says English. */
document.documentElement.lang = 'fr';
