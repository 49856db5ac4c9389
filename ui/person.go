package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"parley/app"
)

// personForm edits every field of a participant; the display name preview
// follows the typing.
type personForm struct {
	ed *Editor
	id string

	name, formal                               *widget.Label
	honorific, courtesy, given, family, native *fieldEntry
	position, email, phone                     *fieldEntry
	bio, education, career, interests          *fieldEntry
	familyFirst, caps                          *fieldCheck
	agency, role                               *fieldSelect
	box                                        *fyne.Container
	entries                                    map[string]fyne.Focusable
}

func newPersonForm(ed *Editor) *personForm {
	f := &personForm{ed: ed}
	f.name = widget.NewLabel("")
	f.name.SizeName = fyne.ThemeSizeName("subHeadingText")
	f.name.Wrapping = fyne.TextWrapWord
	f.formal = widget.NewLabel("")
	f.formal.Importance = widget.LowImportance
	f.formal.Wrapping = fyne.TextWrapWord
	e := func(label, placeholder string, multi bool) *fieldEntry {
		x := newFieldEntry(ed, label, multi)
		x.SetPlaceHolder(placeholder)
		x.changedHook = func(string) { f.preview() }
		return x
	}
	f.honorific = e("honorific", "e.g. H.E.", false)
	f.courtesy = e("courtesy title", "e.g. Mr, Ms, Dr", false)
	f.given = e("given name", "", false)
	f.family = e("family name", "", false)
	f.native = e("native-script name", "as the person writes it", false)
	f.position = e("position", "", false)
	f.email = e("email", "", false)
	f.phone = e("phone", "", false)
	f.bio = e("biography", "Current role and responsibilities", true)
	f.education = e("education", "", true)
	f.career = e("career", "Earlier posts", true)
	f.interests = e("interests", "Interests and ice-breakers", true)
	f.familyFirst = newFieldCheck(ed, "Family name first", "Change name order")
	f.caps = newFieldCheck(ed, "Family name in capitals", "Change capitals")
	f.familyFirst.OnChanged = chain(f.familyFirst.OnChanged, func(bool) { f.preview() })
	f.caps.OnChanged = chain(f.caps.OnChanged, func(bool) { f.preview() })
	f.agency = newFieldSelect(ed, "agency")
	f.role = newFieldSelect(ed, "role")
	f.role.setOptions(enumStrings(app.Roles), enumStrings(app.Roles))
	form := widget.NewForm(
		widget.NewFormItem("Honorific", f.honorific),
		widget.NewFormItem("Courtesy title", f.courtesy),
		widget.NewFormItem("Given name", f.given),
		widget.NewFormItem("Family name", f.family),
		widget.NewFormItem("", container.NewHBox(f.familyFirst.Check, f.caps.Check)),
		widget.NewFormItem("Native script", f.native),
		widget.NewFormItem("Position", f.position),
		widget.NewFormItem("Agency", f.agency.Select),
		widget.NewFormItem("Role", f.role.Select),
		widget.NewFormItem("Email", f.email),
		widget.NewFormItem("Phone", f.phone),
		widget.NewFormItem("Biography", f.bio),
		widget.NewFormItem("Education", f.education),
		widget.NewFormItem("Career", f.career),
		widget.NewFormItem("Interests", f.interests),
	)
	f.entries = map[string]fyne.Focusable{"honorific": f.honorific, "courtesy": f.courtesy, "given": f.given,
		"family": f.family, "native": f.native, "position": f.position, "email": f.email, "phone": f.phone,
		"bio": f.bio, "education": f.education, "career": f.career, "interests": f.interests}
	f.box = container.NewVBox(f.name, f.formal, form)
	return f
}

func chain(a, b func(bool)) func(bool) {
	return func(v bool) {
		if a != nil {
			a(v)
		}
		b(v)
	}
}

// show binds the form to a person.
func (f *personForm) show(p *app.Person) {
	f.id = p.ID
	b := func(field string) binding { return binding{app.KindPerson, p.ID, field} }
	f.honorific.bind(b("honorific"), p.Honorific)
	f.courtesy.bind(b("courtesy"), p.Courtesy)
	f.given.bind(b("given"), p.Given)
	f.family.bind(b("family"), p.Family)
	f.native.bind(b("native"), p.Native)
	f.position.bind(b("position"), p.Position)
	f.email.bind(b("email"), p.Email)
	f.phone.bind(b("phone"), p.Phone)
	f.bio.bind(b("bio"), p.Bio)
	f.education.bind(b("education"), p.Education)
	f.career.bind(b("career"), p.Career)
	f.interests.bind(b("interests"), p.Interests)
	f.familyFirst.bind(b("familyFirst"), p.FamilyFirst)
	f.caps.bind(b("capsFamily"), p.CapsFamily)
	m := f.ed.doc.Meeting()
	texts, values := []string{"(none)"}, []string{""}
	for _, a := range m.AgenciesOf(p.Side) {
		t := a.Name
		if a.Abbrev != "" {
			t = a.Abbrev + " — " + a.Name
		}
		texts = append(texts, t)
		values = append(values, a.ID)
	}
	f.agency.setOptions(texts, values)
	f.agency.bind(b("agency"), p.Agency)
	f.role.bind(b("role"), string(p.Role))
	f.preview()
}

// preview shows the names as they will print.
func (f *personForm) preview() {
	ref, ok := f.ed.doc.Lookup(f.id)
	if !ok {
		return
	}
	p := ref.Record.(*app.Person)
	f.name.SetText(personLine(p))
	f.formal.SetText("In delegation lists: " + p.NameWithNative())
}

func (f *personForm) focus(field string) {
	if e, ok := f.entries[field]; ok {
		f.ed.win.Canvas().Focus(e)
		return
	}
	f.ed.win.Canvas().Focus(f.given)
}
