package lab;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The picture the layout draws stays true: the business modules know nothing of how they are run,
 * the demo processes never load Spring, and the control plane does not reach into the pages.
 */
class ArchitectureTest {

	/** Production classes only, wherever the build puts its test classes. */
	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(location -> !location.contains("/test-classes/"))
		.importPackages("lab");

	@Test
	void businessModulesDependOnNothingThatRunsThem() {
		noClasses().that()
			.resideInAPackage("lab.business..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("lab.chassis..", "lab.monolith..", "lab.fleet..", "lab.site..", "lab.system..",
					"lab.content..", "org.springframework..")
			.check(this.classes);
	}

	@Test
	void demoProcessesNeverLoadSpring() {
		noClasses().that()
			.resideInAnyPackage("lab.chassis..", "lab.monolith..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "lab.fleet..", "lab.site..", "lab.system..", "lab.content..")
			.check(this.classes);
	}

	@Test
	void theControlPlaneDoesNotReachIntoThePages() {
		noClasses().that()
			.resideInAPackage("lab.fleet..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("lab.site..", "lab.content..", "lab.walkthrough..", "lab.classes..")
			.check(this.classes);
	}

	@Test
	void theContentPipelineKnowsNoPagesAndNoFleet() {
		noClasses().that()
			.resideInAPackage("lab.content..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("lab.site..", "lab.fleet..", "lab.chassis..", "lab.walkthrough..", "lab.classes..")
			.check(this.classes);
	}

	/** Walkthroughs read the fleet's view and the content pipeline; they know nothing of classes or other pages. */
	@Test
	void walkthroughsKnowNoClassesAndNoOtherPages() {
		noClasses().that()
			.resideInAPackage("lab.walkthrough..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("lab.classes..", "lab.site..", "lab.chassis..", "lab.business..", "lab.monolith..")
			.check(this.classes);
	}

	/** A class follows a walkthrough and the fleet's view; it never reaches into pages or processes. */
	@Test
	void classesStayOnTopOfWalkthroughsAndTheFleetsView() {
		noClasses().that()
			.resideInAPackage("lab.classes..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("lab.site..", "lab.chassis..", "lab.business..", "lab.monolith..")
			.check(this.classes);
	}

}
