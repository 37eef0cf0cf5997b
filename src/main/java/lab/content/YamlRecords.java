package lab.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.core.io.Resource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a course YAML file into typed records and checks them with Bean Validation, so a
 * missing or blank field stops the load with the file and the field named, instead of
 * reaching a page as the text {@code "null"}.
 */
final class YamlRecords {

	private final Validator validator;

	YamlRecords(Validator validator) {
		this.validator = validator;
	}

	/** The file's top-level map as one record of the given type. */
	<T> T read(Resource file, Class<T> type) {
		T value = convert(file, load(file), type);
		check(file, "", value);
		return value;
	}

	/** The file's top-level list, each item one record of the given type. */
	<T> List<T> readList(Resource file, Class<T> type) {
		if (!(load(file) instanceof List<?> items)) {
			throw new IllegalStateException(file.getDescription() + ": expected a list at the top");
		}
		List<T> values = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			T value = convert(file, items.get(i), type);
			check(file, "[" + i + "].", value);
			values.add(value);
		}
		return List.copyOf(values);
	}

	private static Object load(Resource file) {
		try {
			return new Yaml(new SafeConstructor(new LoaderOptions())).load(ContentFiles.read(file));
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException(file.getDescription() + ": not valid YAML: " + ex.getMessage(), ex);
		}
	}

	private static <T> T convert(Resource file, Object yaml, Class<T> type) {
		if (yaml == null) {
			throw new IllegalStateException(file.getDescription() + ": empty");
		}
		try {
			return JsonMapper.shared().convertValue(yaml, type);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException(file.getDescription() + ": " + ex.getOriginalMessage(), ex);
		}
	}

	private <T> void check(Resource file, String prefix, T value) {
		Set<ConstraintViolation<T>> violations = this.validator.validate(value);
		if (!violations.isEmpty()) {
			throw new IllegalStateException(file.getDescription() + ": "
					+ violations.stream()
						.map(v -> prefix + v.getPropertyPath() + " " + v.getMessage())
						.sorted()
						.collect(Collectors.joining("; ")));
		}
	}

}
