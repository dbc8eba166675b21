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
 */
export const ReaderFocusSchema = z.lazy(() => z.enum(['focus', 'through', 'caret', 'none']));
export type ReaderFocus = z.infer<typeof ReaderFocusSchema>;
