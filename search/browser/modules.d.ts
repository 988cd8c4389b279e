// lunr-languages ships no types: each module is a function that extends the lunr instance it is given.
declare module 'lunr-languages/lunr.stemmer.support.js' {
  const extend: (lunr: unknown) => void;
  export default extend;
}
declare module 'lunr-languages/lunr.nl.js' {
  const extend: (lunr: unknown) => void;
  export default extend;
}
