/**
 * Clients for Volcengine Ark's chat APIs: the {@link dev.arkchat.ArkException} family that every client raises,
 * {@link dev.arkchat.ChatStream} for streamed answers, and {@link dev.arkchat.ArkRegion} for the hosts of a region.
 */
@NullMarked
package dev.arkchat;

import org.jspecify.annotations.NullMarked;
