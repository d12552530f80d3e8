// A custom view as the page reports it to <tableau-viz>: the CustomView fields, without the state it holds.
export function publicCustomView(cv) {
  if (!cv) return null;
  return {
    id: cv.id,
    name: cv.name,
    shared: cv.shared,
    default: cv.default,
    ownerName: cv.ownerName,
    url: cv.url,
  };
}
