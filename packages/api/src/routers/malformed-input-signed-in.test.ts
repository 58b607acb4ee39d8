/**
 * Malformed input against every signed-in procedure (the public ones are in
 * malformed-input-public.test.ts; the tables in malformed-cases-*.ts): wrong
 * types, missing fields, huge strings, SQL and HTML fragments, unknown keys
 * on strict inputs, NaN, negative ids, arrays for strings, deep nesting.
 * Each must end in a 4xx TRPCError (never INTERNAL_SERVER_ERROR) and leave
 * every table exactly as it was; an anonymous caller is refused before the
 * input is looked at.
 */
import { ADMIN_PROCEDURES } from './malformed-cases-admin';
import { MEMBER_PROCEDURES } from './malformed-cases-members';
import { describeMalformedInput } from './malformed-input-runner';

describeMalformedInput([...MEMBER_PROCEDURES, ...ADMIN_PROCEDURES], { anonymousRefused: true });
