// Type-checked with moduleResolution NodeNext against the packed declarations.
import { memberCreateInput, parseOrganisationNumber, type MemberCreateInput } from '@cos/domain';

const input: MemberCreateInput = memberCreateInput.parse({});
const result = parseOrganisationNumber('5560160680');
const name: string = input.name;
// @ts-expect-error: the declarations are precise, not any.
const wrong: number = input.name;
export { name, result, wrong };
