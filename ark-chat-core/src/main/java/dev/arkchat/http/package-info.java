/**
 * Transport shared by every client: the wire JSON mapper, the server-sent event reader, error decoding into the
 * {@link dev.arkchat.ArkException} family, and request ids. Public so that every endpoint package and the test support
 * can use it; applications rarely need it directly.
 */
@NullMarked
package dev.arkchat.http;

import org.jspecify.annotations.NullMarked;
