// Path templates (regexparam style): '/users/:id/posts/:postId' → { id, postId }.

/** A path template's segments, as a union: `'/users/:id'` → `'' | 'users' | ':id'`. */
type Segments<Path extends string> = Path extends `${infer Head}/${infer Rest}` ? Head | Segments<Rest> : Path;
/** The parameter a segment names: `':id'` → `'id'`; `never` for a literal segment. */
type ParamName<Segment> = Segment extends `:${infer Name}` ? Name : never;

/** The parameters a path template needs, each a string or a number. */
export type PathParams<Path extends string> = { [Name in ParamName<Segments<Path>>]: string | number };

/** Whether a template has parameters (then `params` is required). */
export type HasParams<Path extends string> = [ParamName<Segments<Path>>] extends [never] ? false : true;

/** Fills a template, encoding each value; a missing or empty one, or a dot segment, is a TypeError naming it. */
export function fillPath(template: string, params: Readonly<Record<string, string | number>> | undefined): string {
  return template.replace(/:([A-Za-z_$][\w$]*)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === '') throw new TypeError(`path ${template} needs \`params.${name}\``);
    // encodeURIComponent leaves '.' and '..' as they are, and URL parsing removes them with the segment before: `/users/..` would call `/`.
    if (value === '.' || value === '..')
      throw new TypeError(`path ${template}: \`params.${name}\` cannot be '${value}', a URL would remove it and the segment before it`);
    return encodeURIComponent(String(value));
  });
}
