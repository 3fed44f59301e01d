package dev.arkchat.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.GeneratedFiles.Kind;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.annotation.AnnotationConfigUtils;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.InputStreamSource;
import org.springframework.javapoet.ClassName;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ark-chat's beans can be processed ahead of time (Spring AOT, for native images and faster starts): the registrar's
 * definitions, made by static factory methods of named classes, become generated code that calls those methods, and
 * Boot's binding hints cover the properties beans the registrar registers itself.
 */
class ArkChatAotProcessingTests {

	@Test
	void theRegistrarsBeansBecomeCallsToTheirFactoryMethods() throws IOException {
		GenericApplicationContext context = new GenericApplicationContext();
		AnnotationConfigUtils.registerAnnotationConfigProcessors(context);
		TestPropertyValues.of("ark.chat.api-key=sk-test", "ark.chat.bot.id=bot-20250101000000-abcde",
				"ark.chat.bots.sales.id=bot-20250101000000-sales", "ark.chat.context.endpoint-id=ep-1")
			.applyTo(context);
		context.registerBean(ArkChatAutoConfiguration.class);
		InMemoryGeneratedFiles files = new InMemoryGeneratedFiles();
		DefaultGenerationContext generation = new DefaultGenerationContext(
				new ClassNameGenerator(ClassName.get("com.example", "Application")), files);
		new ApplicationContextAotGenerator().processAheadOfTime(context, generation);
		generation.writeGeneratedContent();
		StringBuilder code = new StringBuilder();
		for (Map.Entry<String, InputStreamSource> file : files.getGeneratedFiles(Kind.SOURCE).entrySet()) {
			try (InputStream in = file.getValue().getInputStream()) {
				code.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		assertThat(code).contains("ArkChatStartupBeans.arkChatProperties()")
			.contains("ArkChatStartupBeans.arkChatStartupCheck(")
			.contains("ArkChatCredentialBeans.arkChatApiKeyProvider(")
			.contains("ArkTransports.arkChatTransports(")
			.contains("BotChatBeans.botChatClient(")
			.contains("BotChatBeans.botChatTemplate(")
			.contains("BotChatBeans.named(")
			.contains("LegacyBotChatBeans.legacyBotProperties()")
			.contains("ContextChatBeans.contextProperties()")
			.contains("ContextChatBeans.contextChatTemplate(");
		// Boot binds the properties in a native image through these hints
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(ArkChatProperties.class, "setApiKey"))
			.accepts(generation.getRuntimeHints());
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(ArkChatContextProperties.class, "setEndpointId")).accepts(generation.getRuntimeHints());
	}

}
