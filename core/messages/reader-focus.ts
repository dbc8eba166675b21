/**
 * What a frame answers the keyboard command's probe of where the reader is
 * (background/reader-frame.ts), validated by the background. The probe is a
 * function run in the frame's content-script world, not a message to the card
 * script: that would put React into every frame naming the story at each press.
 */
import * as z from 'zod/mini';

/**
 * `focus`: the frame's document has the keyboard focus; `through`: it has, but
 * in a frame embedded in it, which answers for itself; `caret`: it has not,
 * and the reader left a caret or selection in it; `none`: neither.
 * `{ cardOf }`: the top frame's document has it, in the card it shows for the
 * embedded frame `cardOf` (page/card-for-frames.ts): the reader is at that
 * frame's name.
 */
export const ReaderFocusSchema = z.lazy(() => z.union([z.enum(['focus', 'through', 'caret', 'none']), z.object({ cardOf: z.int().check(z.minimum(1)) })]));
export type ReaderFocus = z.infer<typeof ReaderFocusSchema>;

/**
 * The name of the function the top frame's card script sets on its
 * content-script world's global, which the probe, run in that world, calls
 * (background/reader-frame.ts): which frame's card has the focus, if one has.
 * The page's own scripts, in another world, see neither.
 */
export const FOCUS_IN_CARD_OF = 'backstoryFocusInCardOf';
