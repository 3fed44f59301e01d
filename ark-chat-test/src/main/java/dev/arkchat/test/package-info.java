/**
 * Test support for applications that use ark-chat: {@link dev.arkchat.test.ArkMockServer}, a fake Ark on WireMock
 * that answers like the real service (blocking and streamed answers, errors, faults), and
 * {@link dev.arkchat.test.ArkMockServerExtension}, its JUnit 5 extension.
 */
@NullMarked
package dev.arkchat.test;

import org.jspecify.annotations.NullMarked;
