/**
 * The knowledge-qa sample: questions answered from an Ark knowledge base with {@code KnowledgeOperations.ask}, with the
 * chunks the answer was given shown as citations.
 */
@NullMarked
package dev.arkchat.samples.knowledgeqa;

import org.jspecify.annotations.NullMarked;
