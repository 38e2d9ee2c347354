/** Where a file's Node-sensitivity was found: the file (the test or a module it imports) and the marker. */
export interface NodeSensitivity {
  file: string;
  marker: string;
}

/** The unit test files (not *.browser / *.engines), relative to `root`, sorted. */
export function unitTestFiles(root: string): string[];

/** Why `file` is Node-sensitive, or undefined when it gives the same answer under any Node. */
export function nodeSensitivity(root: string, file: string, seen?: Set<string>): NodeSensitivity | undefined;

/** The unit test files that run under every supported Node. */
export function nodeSensitiveTests(root: string): string[];
