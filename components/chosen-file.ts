/** The message when the evidence form is submitted with no file chosen (checked before uploading). */
export const NO_FILE_MESSAGE = "Choose a file to attach.";

/**
 * A file input with nothing chosen still submits an empty, nameless File; the server would call
 * that "empty". The form says what is actually wrong instead, without a round trip.
 */
export function chosenFileError(value: FormDataEntryValue | null): string | undefined {
  if (!(value instanceof File) || (value.name === "" && value.size === 0)) return NO_FILE_MESSAGE;
  return undefined;
}
