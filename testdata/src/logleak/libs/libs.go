// Package libs: the logging libraries' sinks.
package libs

import (
	"github.com/golang/glog"
	"github.com/hashicorp/go-hclog"
	"github.com/rs/zerolog"
	zlog "github.com/rs/zerolog/log"
	"github.com/sirupsen/logrus"
	"go.uber.org/zap"
	"k8s.io/klog/v2"
)

type User struct {
	ID    int
	Email string `privacy:"user.contact.email"`
	IP    string `privacy:"user.device.ip_address"`
}

func zapLogs(l *zap.Logger, u *User) {
	l.Info("signup", zap.String("email", u.Email)) // want `user.contact.email \(User.Email\) reaches log sink zap.Logger.Info`
	l.Info("signup", zap.Int("id", u.ID))
	l.Info("signup", zap.String("ip", u.IP)) // IP addresses may be logged under kaseya-2016
	l.With(zap.Any("user", u)).Warn("retry") // want `user.contact.email \(User.Email\) reaches log sink zap.Logger.Warn`
	s := l.Sugar()
	s.Infow("signup", "email", u.Email) // want `zap.SugaredLogger.Infow`
	s.Infof("user %d", u.ID)
}

func logrusLogs(u *User) {
	logrus.WithField("email", u.Email).Info("signup") // want `reaches log sink logrus.Entry.Info`
	logrus.WithFields(logrus.Fields{"id": u.ID}).Info("signup")
	logrus.Infof("user %s", u.Email) // want `logrus.Infof`
	l := logrus.New()
	l.Warn(u.Email) // want `logrus.Logger.Warn`
}

func zerologLogs(l zerolog.Logger, u *User) {
	l.Info().Str("email", u.Email).Msg("signup") // want `reaches log sink zerolog.Event.Msg`
	l.Info().Int("id", u.ID).Msg("signup")
	zlog.Print(u.Email) // want `log.Print`
}

func klogGlog(u *User) {
	klog.Infof("user %s", u.Email) // want `klog.Infof`
	klog.InfoS("signup", "id", u.ID)
	glog.Errorf("user %s", u.Email) // want `glog.Errorf`
	glog.Info(u.ID)
}

func hclogLogs(l hclog.Logger, u *User) {
	l.Info("signup", "email", u.Email) // want `hclog.Logger.Info`
	l.Info("signup", "id", u.ID)
}
