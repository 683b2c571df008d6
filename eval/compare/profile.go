package compare

// Profile is a typical member, as the guides of the seeds describe them,
// recognised from ages and family composition in the claims file.
type Profile int

// The profiles, in the order reports list them. A beneficiary is in the
// first that applies:
//
//   - ProfileFamille: their family has a member under 18 and a member of
//     18 or over (every member of the family is counted here, children
//     and parents alike);
//   - ProfileRetraite: 62 or over;
//   - ProfileEtudiant: 18 to 25, in a family where nobody is 26 or over;
//   - ProfileJeuneActif: 26 to 35, in a family without a member under 18;
//   - ProfileAutre: anyone else, and whoever has no birth date.
//
// Ages are in whole years on the date of the beneficiary's first claim in
// the file; a family is the beneficiaries sharing a famille id (a
// beneficiary without one is a family of one).
const (
	ProfileFamille Profile = iota
	ProfileRetraite
	ProfileEtudiant
	ProfileJeuneActif
	ProfileAutre
	numProfiles
)

// Profiles lists every profile, in report order.
func Profiles() []Profile {
	return []Profile{ProfileFamille, ProfileRetraite, ProfileEtudiant, ProfileJeuneActif, ProfileAutre}
}

// Code is the profile's stable identifier, used in JSON.
func (p Profile) Code() string {
	return [...]string{"famille", "retraite", "etudiant", "jeune_actif", "autre"}[p]
}

// Label is the profile's French name, for people.
func (p Profile) Label() string {
	return [...]string{"Famille avec enfants", "Retraité", "Étudiant", "Jeune actif", "Autre"}[p]
}

// familyProfiles returns the profile of each member of one family.
func familyProfiles(members []*Person) []Profile {
	child, adult, over25 := false, false, false
	for _, q := range members {
		if !q.HasAge {
			continue
		}
		child = child || q.Age < 18
		adult = adult || q.Age >= 18
		over25 = over25 || q.Age >= 26
	}
	out := make([]Profile, len(members))
	for i, q := range members {
		switch {
		case child && adult:
			out[i] = ProfileFamille
		case !q.HasAge:
			out[i] = ProfileAutre
		case q.Age >= 62:
			out[i] = ProfileRetraite
		case q.Age >= 18 && q.Age <= 25 && !over25:
			out[i] = ProfileEtudiant
		case q.Age >= 26 && q.Age <= 35 && !child:
			out[i] = ProfileJeuneActif
		default:
			out[i] = ProfileAutre
		}
	}
	return out
}

// AgeBand is a band of ages for breakdowns.
type AgeBand struct {
	Label    string
	From, To int // inclusive; To is -1 for no upper bound
}

// AgeBands are the bands of the breakdowns by age, in order; a
// beneficiary without birth date is in none (see BandOf).
func AgeBands() []AgeBand {
	return []AgeBand{{"0–17", 0, 17}, {"18–25", 18, 25}, {"26–39", 26, 39}, {"40–59", 40, 59}, {"60–74", 60, 74}, {"75+", 75, -1}}
}

// BandOf returns the label of q's age band, "inconnu" without birth date.
func BandOf(q Person) string {
	if !q.HasAge {
		return "inconnu"
	}
	for _, b := range AgeBands() {
		if q.Age >= b.From && (b.To < 0 || q.Age <= b.To) {
			return b.Label
		}
	}
	return "0–17" // a negative age: born after the first claim
}

// SizeOf returns the label of q's family size band: "1" to "4", "5+".
func SizeOf(q Person) string {
	if q.Size >= 5 {
		return "5+"
	}
	return string(rune('0' + q.Size))
}
